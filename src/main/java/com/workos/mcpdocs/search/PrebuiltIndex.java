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
import java.util.Optional;
import java.util.Properties;
import java.util.zip.CRC32C;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
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
    static final String FORMAT = "19";
    static final String PROPERTIES = "index.properties";
    static final String RESOURCE_DIR = "index/";
    /** Where the build puts the index, relative to the classes folder. */
    public static final String RESOURCE_PATH = "index";
    /** The folder of the index's files (in the jar and in a copy). */
    private static final String FILES = "files";

    private PrebuiltIndex() {
    }

    /**
     * The embedded index, copied from the jar into a memory directory a buffer at a time (no file is held whole in
     * between, which would add its size to the memory the process touches).
     */
    private static Directory readEmbedded(Properties props) throws IOException {
        ClassLoader loader = PrebuiltIndex.class.getClassLoader();
        Directory dir = SearchIndex.memoryDirectory();
        byte[] buffer = new byte[64 * 1024];
        for (String file : props.getProperty(FILES, "").split(",")) {
            if (file.isEmpty()) {
                continue;
            }
            try (InputStream data = loader.getResourceAsStream(RESOURCE_DIR + FILES + "/" + file)) {
                if (data == null) {
                    throw new IOException("index file " + FILES + "/" + file + " is missing from the jar");
                }
                try (IndexOutput out = dir.createOutput(file, IOContext.DEFAULT)) {
                    for (int n = data.read(buffer); n >= 0; n = data.read(buffer)) {
                        out.writeBytes(buffer, n);
                    }
                }
            }
        }
        return dir;
    }

    /** Writes the index of {@code corpus} into {@code dir} (its files in a folder, and properties). */
    public static void write(Corpus corpus, Path dir) throws IOException {
        Path files = Files.createDirectories(dir.resolve(FILES));
        try (Directory directory = FSDirectory.open(files)) {
            IndexBuilder.write(corpus, directory);
        }
        Files.deleteIfExists(files.resolve("write.lock"));
        Properties props = new Properties();
        props.setProperty("fingerprint", fingerprint(corpus));
        try (var list = Files.list(files)) {
            props.setProperty(FILES, String.join(",", list.map(f -> f.getFileName().toString()).sorted().toList()));
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
                return new SearchIndex(corpus, FSDirectory.open(dir.resolve(FILES)));
            }
            log.warn("The search index in {} was written for another version of this server; building it in "
                    + "memory at every start until 'sync' is run again", dir);
        } catch (IOException | RuntimeException e) {
            log.warn("The search index in {} cannot be used ({}); building it now", dir, e.toString());
        }
        return SearchIndex.build(corpus);
    }

    /** Whether {@code dir} holds an index written for exactly this corpus (a synced corpus's saved index). */
    public static boolean isWrittenFor(Corpus corpus, Path dir) {
        try (InputStream in = Files.newInputStream(dir.resolve(PROPERTIES))) {
            return fingerprint(corpus).equals(properties(in).getProperty("fingerprint"));
        } catch (IOException | RuntimeException e) {
            return false;
        }
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
        InputStream in = PrebuiltIndex.class.getClassLoader().getResourceAsStream(RESOURCE_DIR + PROPERTIES);
        if (in == null) {
            return Optional.empty();
        }
        Properties props = properties(in);
        if (!fingerprint(corpus).equals(props.getProperty("fingerprint"))) {
            return Optional.empty();
        }
        return Optional.of(new SearchIndex(corpus, readEmbedded(props)));
    }

    private static Properties properties(InputStream in) throws IOException {
        try (in) {
            Properties props = new Properties();
            props.load(in);
            return props;
        }
    }

    /**
     * Identifies a corpus's content together with the analysis that indexes it: a checksum of the index format and
     * the synonyms, and the corpus's content id (itself a digest of its files), or a checksum of its pages. It tells
     * an index apart from one written for other content or by another build; it is no defence against tampering
     * (whoever can write the index can write the corpus too), so a CRC is enough and costs no cryptography at start.
     */
    static String fingerprint(Corpus corpus) {
        CRC32C analysis = new CRC32C();
        analysis.update(FORMAT.getBytes(StandardCharsets.UTF_8));
        try (InputStream synonyms = PrebuiltIndex.class.getResourceAsStream("/search/synonyms.txt")) {
            if (synonyms != null) {
                analysis.update(synonyms.readAllBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String prefix = FORMAT + "-" + Long.toHexString(analysis.getValue()) + "-";
        if (!corpus.contentId().isEmpty()) {
            return prefix + corpus.contentId();
        }
        CRC32C content = new CRC32C();
        long length = 0;
        for (Page page : corpus.pages()) {
            for (String part : new String[] {page.path(), page.title(), page.description(), page.body(),
                    page.frontmatter().toString()}) {
                byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
                content.update(bytes);
                content.update(0);
                length += bytes.length + 1;
            }
        }
        return prefix + Long.toHexString(content.getValue()) + "-" + length;
    }
}
