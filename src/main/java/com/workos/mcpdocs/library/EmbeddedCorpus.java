package com.workos.mcpdocs.library;

import com.workos.mcpdocs.corpus.Corpus;
import com.workos.mcpdocs.corpus.CorpusInfo;
import com.workos.mcpdocs.corpus.CorpusSnapshot;
import com.workos.mcpdocs.source.ContentTree;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The corpus the build put inside the jar: the published npm package's tarball under {@code /corpus/}, described
 * by {@code /corpus/corpus.properties}, with a snapshot of it already parsed ({@code /corpus/snapshot.bin}).
 */
public final class EmbeddedCorpus {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedCorpus.class);

    static final String DIR = "corpus/";
    static final String PROPERTIES = DIR + "corpus.properties";
    static final String SNAPSHOT = DIR + "snapshot.bin";
    static final String ALIASES = DIR + com.workos.mcpdocs.corpus.PathAliases.FILE;

    private EmbeddedCorpus() {
    }

    /** The embedded content, or empty when the jar was built without one (no npm at build time). */
    public static Optional<Loaded> open() throws IOException {
        Optional<Properties> props = properties();
        if (props.isEmpty()) {
            return Optional.empty();
        }
        CorpusInfo info = info(props.get());
        String tarball = props.get().getProperty("tarball");
        try (InputStream in = resource(DIR + tarball)) {
            if (in == null) {
                throw new IOException("the jar's corpus.properties names " + tarball + ", which is missing");
            }
            ContentTree tree = ContentTree.fromNpmTarball(info.origin(), in);
            try (InputStream aliases = resource(ALIASES)) {
                return Optional.of(new Loaded(aliases == null ? tree : withAliases(tree, aliases.readAllBytes()), info));
            }
        }
    }

    /**
     * The content with the alias table the build made against the previous package version. The build indexes
     * exactly this tree, so the index's fingerprint matches what the server loads.
     */
    static ContentTree withAliases(ContentTree tree, byte[] aliasesJson) {
        java.util.Map<String, byte[]> files = new java.util.HashMap<>(tree.files());
        files.put(com.workos.mcpdocs.corpus.PathAliases.FILE, aliasesJson);
        return new ContentTree(tree.origin(), files);
    }

    /**
     * The embedded corpus, from its snapshot when the jar has one (no YAML to parse), else loaded from the tarball;
     * empty when the jar has no corpus.
     */
    public static Optional<Corpus> load() throws IOException {
        Optional<Properties> props = properties();
        if (props.isEmpty()) {
            return Optional.empty();
        }
        try (InputStream in = resource(SNAPSHOT)) {
            if (in != null) {
                return Optional.of(CorpusSnapshot.read(in));
            }
        } catch (IOException e) {
            log.warn("The embedded corpus snapshot cannot be read ({}); parsing the pages instead", e.getMessage());
        }
        Loaded loaded = open().orElseThrow();
        return Optional.of(CorpusLoader.load(loaded.tree(), loaded.info()));
    }

    /** Where and when the embedded content comes from, without loading it. */
    public static Optional<CorpusInfo> info() throws IOException {
        return properties().map(EmbeddedCorpus::info);
    }

    static CorpusInfo info(Properties props) {
        String pkg = props.getProperty("package", "?");
        String version = props.getProperty("version", "unknown");
        return new CorpusInfo("embedded " + pkg + "@" + version, version, props.getProperty("date", "unknown"));
    }

    private static Optional<Properties> properties() throws IOException {
        try (InputStream in = resource(PROPERTIES)) {
            if (in == null) {
                return Optional.empty();
            }
            Properties props = new Properties();
            props.load(in);
            return Optional.of(props);
        }
    }

    private static InputStream resource(String name) {
        return EmbeddedCorpus.class.getClassLoader().getResourceAsStream(name);
    }

    /** Content with its description. */
    public record Loaded(ContentTree tree, CorpusInfo info) {
    }
}
