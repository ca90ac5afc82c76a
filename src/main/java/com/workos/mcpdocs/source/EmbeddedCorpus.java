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
            return Optional.of(new Loaded(ContentTree.fromNpmTarball(info.origin(), in), info));
        }
    }

    /** Content with its description. */
    public record Loaded(ContentTree tree, CorpusInfo info) {
    }
}
