package com.workos.mcpdocs.search;

import com.workos.mcpdocs.corpus.Corpus;
import com.workos.mcpdocs.corpus.Page;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.Optional;
import java.util.Properties;
import org.apache.lucene.codecs.Codec;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexOutput;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A search index written ahead of time (at build time into the jar, or by a sync into the data folder) and opened
 * at start without re-indexing. It is used only when its fingerprint matches the corpus being served and the
 * current analysis; otherwise the index is built in memory.
 */
public final class PrebuiltIndex {

    private static final Logger log = LoggerFactory.getLogger(PrebuiltIndex.class);

    /** Bump when analysis or fields change, so an index written by an older build is not trusted. */
    static final String FORMAT = "13";
    static final String PROPERTIES = "index.properties";
    static final String RESOURCE_DIR = "index/";
    /** Where the build puts the index, relative to the classes folder. */
    public static final String RESOURCE_PATH = "index";
    private static final String[] PARTS = IndexParts.NAMES.toArray(new String[0]);

    /** The embedded index in memory, read ahead by {@link #prefetchEmbedded()}; taken by the first open. */
    private static volatile CompletableFuture<Directory[]> prefetched;

    private PrebuiltIndex() {
    }

    /**
     * Starts reading the index embedded in the jar into memory, and loading Lucene's codec, on a thread of its
     * own: a server that starts does this while the corpus loads instead of after it.
     */
    public static void prefetchEmbedded() {
        CompletableFuture<Directory[]> directories = new CompletableFuture<>();
        prefetched = directories;
        Thread thread = new Thread(() -> {
            try {
                Codec.getDefault();
                InputStream in = PrebuiltIndex.class.getClassLoader().getResourceAsStream(RESOURCE_DIR + PROPERTIES);
                directories.complete(in == null ? null : readEmbedded(properties(in)));
            } catch (IOException | RuntimeException e) {
                directories.complete(null);
            }
        }, "index-prefetch");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * The embedded index's parts, copied from the jar into memory directories a buffer at a time (no file is
     * held whole in between, which would add its size to the memory the process touches).
     */
    private static Directory[] readEmbedded(Properties props) throws IOException {
        ClassLoader loader = PrebuiltIndex.class.getClassLoader();
        Directory[] dirs = new Directory[PARTS.length];
        byte[] buffer = new byte[64 * 1024];
        for (int i = 0; i < PARTS.length; i++) {
            dirs[i] = SearchIndex.memoryDirectory();
            for (String file : props.getProperty(PARTS[i], "").split(",")) {
                if (file.isEmpty()) {
                    continue;
                }
                try (InputStream data = loader.getResourceAsStream(RESOURCE_DIR + PARTS[i] + "/" + file)) {
                    if (data == null) {
                        throw new IOException("index file " + PARTS[i] + "/" + file + " is missing from the jar");
                    }
                    try (IndexOutput out = dirs[i].createOutput(file, IOContext.DEFAULT)) {
                        for (int n = data.read(buffer); n >= 0; n = data.read(buffer)) {
                            out.writeBytes(buffer, n);
                        }
                    }
                }
            }
        }
        return dirs;
    }

    /** Writes the index of {@code corpus} into {@code dir} (a folder per {@link IndexParts} part, properties). */
    public static void write(Corpus corpus, Path dir) throws IOException {
        Files.createDirectories(dir);
        IndexParts parts = IndexParts.open(dir);
        try {
            IndexBuilder.write(corpus, parts);
        } finally {
            for (Directory d : new Directory[] {parts.pages(), parts.pageImpacts(), parts.sections(),
                    parts.sectionImpacts()}) {
                d.close();
            }
        }
        for (String part : PARTS) {
            Files.deleteIfExists(dir.resolve(part).resolve("write.lock"));
        }
        Properties props = new Properties();
        props.setProperty("fingerprint", fingerprint(corpus));
        for (String part : PARTS) {
            try (var files = Files.list(dir.resolve(part))) {
                props.setProperty(part, String.join(",", files.map(f -> f.getFileName().toString())
                        .sorted().toList()));
            }
        }
        try (OutputStream out = Files.newOutputStream(dir.resolve(PROPERTIES))) {
            props.store(out, "search index for the corpus with this fingerprint");
        }
    }

    /** The index of {@code corpus}: the one in the jar when it matches, else built in memory. */
    public static SearchIndex openOrBuild(Corpus corpus) {
        long start = System.nanoTime();
        try {
            Optional<SearchIndex> prebuilt = fromResources(corpus);
            if (prebuilt.isPresent()) {
                log.debug("Opened the prebuilt search index in {} ms", (System.nanoTime() - start) / 1_000_000);
                return prebuilt.get();
            }
        } catch (IOException | RuntimeException e) {
            log.warn("The prebuilt search index cannot be used ({}); building it now", e.toString());
        }
        SearchIndex built = SearchIndex.build(corpus);
        log.info("Built the search index in {} ms", (System.nanoTime() - start) / 1_000_000);
        return built;
    }

    /** The index in {@code dir} when it matches {@code corpus}, else built in memory. */
    public static SearchIndex openOrBuild(Corpus corpus, Path dir) {
        try {
            Properties props = properties(Files.newInputStream(dir.resolve(PROPERTIES)));
            if (fingerprint(corpus).equals(props.getProperty("fingerprint"))) {
                return new SearchIndex(corpus, IndexParts.open(dir));
            }
            log.warn("The search index in {} was written for another version of this server; building it in "
                    + "memory at every start until 'sync' is run again", dir);
        } catch (IOException | RuntimeException e) {
            log.warn("The search index in {} cannot be used ({}); building it now", dir, e.toString());
        }
        return SearchIndex.build(corpus);
    }

    /** Whether the jar carries an index made for exactly this corpus. */
    public static boolean isEmbeddedFor(Corpus corpus) {
        try (InputStream in = PrebuiltIndex.class.getClassLoader().getResourceAsStream(RESOURCE_DIR + PROPERTIES)) {
            return in != null && fingerprint(corpus).equals(properties(in).getProperty("fingerprint"));
        } catch (IOException e) {
            return false;
        }
    }

    private static Optional<SearchIndex> fromResources(Corpus corpus) throws IOException {
        ClassLoader loader = PrebuiltIndex.class.getClassLoader();
        InputStream in = loader.getResourceAsStream(RESOURCE_DIR + PROPERTIES);
        CompletableFuture<Directory[]> ahead = prefetched;
        prefetched = null;
        if (in == null) {
            return Optional.empty();
        }
        Properties props = properties(in);
        if (!fingerprint(corpus).equals(props.getProperty("fingerprint"))) {
            return Optional.empty();
        }
        Directory[] dirs = ahead == null ? null : ahead.join();
        return Optional.of(new SearchIndex(corpus, IndexParts.of(dirs != null ? dirs : readEmbedded(props))));
    }

    private static Properties properties(InputStream in) throws IOException {
        try (in) {
            Properties props = new Properties();
            props.load(in);
            return props;
        }
    }

    /** Identifies a corpus's content together with the analysis that indexes it. */
    static String fingerprint(Corpus corpus) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(FORMAT.getBytes(StandardCharsets.UTF_8));
            try (InputStream synonyms = PrebuiltIndex.class.getResourceAsStream("/search/synonyms.txt")) {
                if (synonyms != null) {
                    digest.update(synonyms.readAllBytes());
                }
            }
            if (!corpus.contentId().isEmpty()) {
                digest.update(corpus.contentId().getBytes(StandardCharsets.UTF_8));
                return HexFormat.of().formatHex(digest.digest());
            }
            for (Page page : corpus.pages()) {
                for (String part : new String[] {page.path(), page.title(), page.description(), page.body(),
                        page.frontmatter().toString()}) {
                    digest.update(part.getBytes(StandardCharsets.UTF_8));
                    digest.update((byte) 0);
                }
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
