package com.workos.mcpdocs.library;

import com.workos.mcpdocs.corpus.AliasBuilder;
import com.workos.mcpdocs.corpus.Corpus;
import com.workos.mcpdocs.corpus.CorpusInfo;
import com.workos.mcpdocs.corpus.CorpusSnapshot;
import com.workos.mcpdocs.corpus.PathAliases;
import com.workos.mcpdocs.search.PrebuiltIndex;
import com.workos.mcpdocs.source.ContentTree;
import com.workos.mcpdocs.source.NpmPackageFetcher;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Build step (run by Maven in {@code process-classes}): fetches the pinned npm package, checks its integrity and
 * puts it into the classes folder so the jar carries the corpus. Without npm, or when the fetch fails, it warns
 * and exits normally: the build succeeds and the jar simply has no embedded corpus.
 *
 * <p>Arguments: {@code <classesDir> <cacheDir> <package> <version> <integrity> [<previousVersion>
 * <previousIntegrity>]}. With a previous version it also fetches that one and ships the table of pages that moved
 * between the two; failing to get the previous version only costs that table, with a warning.
 */
public final class EmbedCorpusTask {

    private static final Logger log = LoggerFactory.getLogger(EmbedCorpusTask.class);

    private EmbedCorpusTask() {
    }

    public static void main(String[] args) {
        if (args.length != 5 && args.length != 7) {
            System.err.println("usage: EmbedCorpusTask <classesDir> <cacheDir> <package> <version> <integrity> "
                    + "[<previousVersion> <previousIntegrity>]");
            System.exit(2);
        }
        Path classes = Path.of(args[0]);
        Path cache = Path.of(args[1]);
        String pkg = args[2];
        String version = args[3];
        String integrity = args[4];
        try {
            Corpus corpus = embed(classes, cache, pkg, version, integrity);
            if (args.length == 7) {
                embedAliases(classes, cache, pkg, args[5], args[6], corpus);
            }
            prepare(classes);
        } catch (IOException | RuntimeException e) {
            log.warn("""
                    
                    *** No documentation corpus embedded: {}
                    *** The jar builds and runs, but serves no pages until given content, e.g.
                    ***   java -jar target/workos-mcp-docs-server.jar --docs /path/to/.docs/organized
                    *** Install Node.js with npm and rebuild to embed {}@{}.""", e.getMessage(), pkg, version);
        }
    }

    static Corpus embed(Path classes, Path cache, String pkg, String version, String integrity) throws IOException {
        Path corpusDir = classes.resolve(EmbeddedCorpus.DIR);
        Path tarball = new NpmPackageFetcher(cache).fetch(pkg, version, integrity);
        Files.createDirectories(corpusDir);
        String name = tarball.getFileName().toString();
        Files.copy(tarball, corpusDir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        Properties props = new Properties();
        props.setProperty("package", pkg);
        props.setProperty("version", version);
        props.setProperty("integrity", integrity);
        props.setProperty("tarball", name);
        props.setProperty("date", LocalDate.ofInstant(Files.getLastModifiedTime(tarball).toInstant(),
                ZoneOffset.UTC).toString());
        try (OutputStream out = Files.newOutputStream(classes.resolve(EmbeddedCorpus.PROPERTIES))) {
            props.store(out, "corpus embedded at build time");
        }
        log.info("Embedded {}@{} ({} bytes, {})", pkg, version, Files.size(tarball), integrity);
        try (var in = Files.newInputStream(tarball)) {
            return CorpusLoader.load(ContentTree.fromNpmTarball(name, in), EmbeddedCorpus.info(props));
        }
    }

    /**
     * Loads the embedded content exactly as the server will (with the alias table when there is one) and writes
     * its search index and snapshot, so the server opens both ready instead of parsing and indexing at every start.
     */
    static void prepare(Path classes) throws IOException {
        long start = System.nanoTime();
        Properties props = new Properties();
        try (var in = Files.newInputStream(classes.resolve(EmbeddedCorpus.PROPERTIES))) {
            props.load(in);
        }
        CorpusInfo info = EmbeddedCorpus.info(props);
        ContentTree tree;
        try (var in = Files.newInputStream(classes.resolve(EmbeddedCorpus.DIR + props.getProperty("tarball")))) {
            tree = ContentTree.fromNpmTarball(info.origin(), in);
        }
        Path aliases = classes.resolve(EmbeddedCorpus.ALIASES);
        if (Files.isRegularFile(aliases)) {
            tree = EmbeddedCorpus.withAliases(tree, Files.readAllBytes(aliases));
        }
        Corpus corpus = CorpusLoader.load(tree, info);
        PrebuiltIndex.write(corpus, classes.resolve(PrebuiltIndex.RESOURCE_PATH));
        try (OutputStream out = Files.newOutputStream(classes.resolve(EmbeddedCorpus.SNAPSHOT))) {
            CorpusSnapshot.write(corpus, out);
        }
        log.info("Indexed {} pages and wrote the corpus snapshot in {} ms", corpus.pages().size(),
                (System.nanoTime() - start) / 1_000_000);
    }

    /** Fetches the previous version and writes the alias table from its paths to the embedded corpus's. */
    static void embedAliases(Path classes, Path cache, String pkg, String previousVersion, String previousIntegrity,
                             Corpus current) {
        Path target = classes.resolve(EmbeddedCorpus.ALIASES);
        try {
            Files.deleteIfExists(target);
            Path tarball = new NpmPackageFetcher(cache).fetch(pkg, previousVersion, previousIntegrity);
            Corpus previous;
            try (var in = Files.newInputStream(tarball)) {
                previous = CorpusLoader.load(ContentTree.fromNpmTarball(tarball.getFileName().toString(), in),
                        new CorpusInfo(pkg + "@" + previousVersion, previousVersion, "build"));
            }
            PathAliases aliases = AliasBuilder.build(previous, current, previousVersion);
            Files.write(target, aliases.toJson());
            log.info("Old paths of {}@{}: {} moved, {} removed", pkg, previousVersion, aliases.moved().size(),
                    aliases.removed().size());
        } catch (IOException | RuntimeException e) {
            log.warn("No table of moved pages: cannot get {}@{} ({}). Old paths will get closest matches only.",
                    pkg, previousVersion, e.getMessage());
        }
    }
}
