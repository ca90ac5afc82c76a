package com.workos.mcpdocs.source;

import com.workos.mcpdocs.corpus.CorpusInfo;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.Properties;

/**
 * The corpus the build put inside the jar: the published npm package's tarball under {@code /corpus/}, described
 * by {@code /corpus/corpus.properties}.
 */
public final class EmbeddedCorpus {

    static final String DIR = "corpus/";
    static final String PROPERTIES = DIR + "corpus.properties";
    static final String ALIASES = DIR + com.workos.mcpdocs.corpus.PathAliases.FILE;

    private EmbeddedCorpus() {
    }

    /** The embedded content, or empty when the jar was built without one (no npm at build time). */
    public static Optional<Loaded> open() throws IOException {
        ClassLoader loader = EmbeddedCorpus.class.getClassLoader();
        Properties props = new Properties();
        try (InputStream in = loader.getResourceAsStream(PROPERTIES)) {
            if (in == null) {
                return Optional.empty();
            }
            props.load(in);
        }
        String tarball = props.getProperty("tarball");
        String pkg = props.getProperty("package", "?");
        String version = props.getProperty("version", "unknown");
        CorpusInfo info = new CorpusInfo("embedded " + pkg + "@" + version, version,
                props.getProperty("date", "unknown"));
        try (InputStream in = loader.getResourceAsStream(DIR + tarball)) {
            if (in == null) {
                throw new IOException("the jar's corpus.properties names " + tarball + ", which is missing");
            }
            ContentTree tree = ContentTree.fromNpmTarball(info.origin(), in);
            return Optional.of(new Loaded(withAliases(tree, loader), info));
        }
    }

    /** Adds the alias table the build made against the previous package version, when it could. */
    private static ContentTree withAliases(ContentTree tree, ClassLoader loader) throws IOException {
        try (InputStream in = loader.getResourceAsStream(ALIASES)) {
            if (in == null) {
                return tree;
            }
            java.util.Map<String, byte[]> files = new java.util.HashMap<>(tree.files());
            files.put(com.workos.mcpdocs.corpus.PathAliases.FILE, in.readAllBytes());
            return new ContentTree(tree.origin(), files);
        }
    }

    /** Content with its description. */
    public record Loaded(ContentTree tree, CorpusInfo info) {
    }
}
