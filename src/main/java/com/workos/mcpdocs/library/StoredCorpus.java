package com.workos.mcpdocs.library;

import com.workos.mcpdocs.corpus.CorpusInfo;
import com.workos.mcpdocs.source.ContentTree;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A corpus that {@code sync} wrote into the data directory: its content, its description and its search index.
 *
 * <p>A stored corpus verifies itself before it is served: {@code corpus.properties}, written last by the sync, is its
 * manifest and carries a SHA-256 digest of {@code content.zip} and of the index files. A corpus whose files do not
 * match (a zero-filled or truncated archive, a damaged disk, a hand edit) is not served; the newest earlier corpus
 * that verifies serves instead, with a warning that says to sync again.
 *
 * @param dir      the corpus folder ({@code corpora/<name>})
 * @param tree     its files in the {@code .docs/organized} layout
 * @param info     origin, version and date, from {@code corpus.properties}
 * @param indexDir the prebuilt search index for this content
 */
public record StoredCorpus(Path dir, ContentTree tree, CorpusInfo info, Path indexDir) {

    private static final Logger log = LoggerFactory.getLogger(StoredCorpus.class);
    static final String CONTENT_DIGEST = "content.sha256";
    static final String INDEX_DIGEST = "index.sha256";

    /**
     * The corpus {@code current} names in {@code data} when it verifies, else the newest earlier one that does;
     * empty when nothing was synced or nothing verifies.
     */
    public static Optional<StoredCorpus> current(DataDirectory data) throws IOException {
        Optional<Path> named = data.current();
        if (named.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(open(named.get()));
        } catch (IOException | RuntimeException e) {
            log.warn("The synced corpus {} cannot be served: {}. Run sync again to replace it.",
                    named.get().getFileName(), e.getMessage());
        }
        for (Path earlier : data.finishedCorpora()) {
            if (earlier.equals(named.get())) {
                continue;
            }
            try {
                StoredCorpus good = open(earlier);
                log.warn("Serving the previous synced corpus {} instead", earlier.getFileName());
                return Optional.of(good);
            } catch (IOException | RuntimeException e) {
                log.debug("The corpus {} does not verify either: {}", earlier.getFileName(), e.getMessage());
            }
        }
        return Optional.empty();
    }

    /**
     * Why the corpus {@code current} names cannot be served, or empty when it can (or when nothing was synced): for
     * {@code doctor}.
     */
    public static Optional<String> damage(DataDirectory data) {
        try {
            Optional<Path> named = data.current();
            if (named.isEmpty()) {
                return data.currentProblem();
            }
            open(named.get());
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** The description of the corpus {@code current} names, without reading its content. */
    public static Optional<CorpusInfo> currentInfo(DataDirectory data) throws IOException {
        Optional<Path> dir = data.current();
        return dir.isEmpty() ? Optional.empty() : Optional.of(info(manifest(dir.get())));
    }

    private static Properties manifest(Path dir) throws IOException {
        Properties props = new Properties();
        Path file = dir.resolve(DataDirectory.PROPERTIES);
        if (Files.size(file) > 64 * 1024) {
            throw new IOException(file + " is too large to be a corpus description");
        }
        try (InputStream in = Files.newInputStream(file)) {
            props.load(in);
        }
        return props;
    }

    private static CorpusInfo info(Properties props) {
        return new CorpusInfo("synced " + props.getProperty("origin", "?"),
                props.getProperty("version", "unknown"), props.getProperty("date", "unknown"));
    }

    static StoredCorpus open(Path dir) throws IOException {
        Properties manifest = manifest(dir);
        CorpusInfo info = info(manifest);
        Path zip = dir.resolve(DataDirectory.CONTENT_ZIP);
        Path index = dir.resolve(DataDirectory.INDEX);
        verify(manifest, CONTENT_DIGEST, zip, List.of(zip));
        verify(manifest, INDEX_DIGEST, index, indexFiles(index));
        ContentTree tree = DataDirectory.readContent(info.origin(), zip);
        if (tree.under("docs/").isEmpty()) {
            // A sync never stores a corpus without pages: an archive that yields none is damaged.
            throw new IOException(zip + " holds no pages");
        }
        return new StoredCorpus(dir, tree, info, index);
    }

    /** Writes the digests of a finished corpus folder's files into its manifest. */
    static void addDigests(Path dir, Properties manifest) throws IOException {
        Path zip = dir.resolve(DataDirectory.CONTENT_ZIP);
        Path index = dir.resolve(DataDirectory.INDEX);
        manifest.setProperty(CONTENT_DIGEST, digest(zip, List.of(zip)));
        manifest.setProperty(INDEX_DIGEST, digest(index, indexFiles(index)));
    }

    /**
     * Checks {@code files} against the digest the manifest names; a corpus synced before manifests carried digests
     * has none and is only checked for pages.
     */
    private static void verify(Properties manifest, String key, Path what, List<Path> files) throws IOException {
        String expected = manifest.getProperty(key);
        if (expected != null && !expected.equals(digest(what, files))) {
            throw new IOException(what + " does not match the digest the sync recorded: the stored corpus is "
                    + "damaged");
        }
    }

    private static List<Path> indexFiles(Path index) throws IOException {
        if (!Files.isDirectory(index)) {
            throw new IOException(index + " is missing");
        }
        try (Stream<Path> walk = Files.walk(index)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        }
    }

    /** SHA-256 over each file's path (relative to {@code base}) and bytes. */
    private static String digest(Path base, List<Path> files) throws IOException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
        byte[] buffer = new byte[1 << 16];
        for (Path file : files) {
            sha.update(base.relativize(file).toString().replace('\\', '/').getBytes(java.nio.charset.StandardCharsets.UTF_8));
            sha.update((byte) 0);
            try (InputStream in = Files.newInputStream(file)) {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    sha.update(buffer, 0, n);
                }
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }
}
