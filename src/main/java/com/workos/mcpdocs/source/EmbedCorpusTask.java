package com.workos.mcpdocs.source;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Properties;
import com.workos.mcpdocs.corpus.Corpus;
import com.workos.mcpdocs.corpus.CorpusInfo;
import com.workos.mcpdocs.corpus.CorpusLoader;
import com.workos.mcpdocs.corpus.CorpusSnapshot;
import com.workos.mcpdocs.search.PrebuiltIndex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Build step (run by Maven in {@code process-classes}): fetches the pinned npm package, checks its integrity and
 * puts it into the classes folder so the jar carries the corpus. Without npm, or when the fetch fails, it warns
 * and exits normally: the build succeeds and the jar simply has no embedded corpus.
 *
 * <p>Arguments: {@code <classesDir> <cacheDir> <package> <version> <integrity>}.
 */
public final class EmbedCorpusTask {

    private static final Logger log = LoggerFactory.getLogger(EmbedCorpusTask.class);

    private EmbedCorpusTask() {
    }

    public static void main(String[] args) {
        if (args.length != 5) {
            System.err.println("usage: EmbedCorpusTask <classesDir> <cacheDir> <package> <version> <integrity>");
            System.exit(2);
        }
        Path classes = Path.of(args[0]);
        Path cache = Path.of(args[1]);
        String pkg = args[2];
        String version = args[3];
        String integrity = args[4];
        try {
            embed(classes, cache, pkg, version, integrity);
        } catch (IOException | RuntimeException e) {
            log.warn("""
                    
                    *** No documentation corpus embedded: {}
                    *** The jar builds and runs, but serves no pages until given content, e.g.
                    ***   java -jar target/workos-mcp-docs-server.jar --docs /path/to/.docs/organized
                    *** Install Node.js with npm and rebuild to embed {}@{}.""", e.getMessage(), pkg, version);
        }
    }

    static void embed(Path classes, Path cache, String pkg, String version, String integrity) throws IOException {
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
        // Index it now so the server opens a ready index instead of building one at every start.
        long start = System.nanoTime();
        Corpus corpus;
        try (var in = Files.newInputStream(tarball)) {
            corpus = CorpusLoader.load(ContentTree.fromNpmTarball(name, in), EmbeddedCorpus.info(props));
        }
        PrebuiltIndex.write(corpus, classes.resolve(PrebuiltIndex.RESOURCE_PATH));
        try (OutputStream out = Files.newOutputStream(classes.resolve(EmbeddedCorpus.SNAPSHOT))) {
            CorpusSnapshot.write(corpus, out);
        }
        log.info("Indexed {} pages in {} ms", corpus.pages().size(), (System.nanoTime() - start) / 1_000_000);
    }
}
