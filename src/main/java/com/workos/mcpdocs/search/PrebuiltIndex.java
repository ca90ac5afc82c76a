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
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import java.util.zip.CRC32C;
import org.apache.lucene.codecs.Codec;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexOutput;
import org.apache.lucene.util.IOUtils;
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
    static final String FORMAT = "18";
    static final String PROPERTIES = "index.properties";
    static final String RESOURCE_DIR = "index/";
    /** Where the build puts the index, relative to the classes folder. */
    public static final String RESOURCE_PATH = "index";
    /** The folder of the index's files (in the jar and in a copy). */
    private static final String FILES = "files";

    /** The embedded index in memory, read ahead by {@link #prefetchEmbedded()}; taken by the first open. */
    private static volatile CompletableFuture<Directory> prefetched;

    private PrebuiltIndex() {
    }

    /**
     * Starts opening the index embedded in the jar, and loading Lucene's codec, on a thread of its own: a server
     * that starts does this while the corpus loads instead of after it. The first time, the index is read from the
     * jar into memory and then copied into a folder under {@code copies} (when that is not {@code null} and can be
     * written); later starts open that copy memory-mapped, so nothing is inflated or copied and only the parts a
     * search reads are paged in.
     */
    public static void prefetchEmbedded(Path copies) {
        CompletableFuture<Directory> directories = new CompletableFuture<>();
        prefetched = directories;
        Thread thread = new Thread(() -> {
            try {
                Codec.getDefault();
                InputStream in = PrebuiltIndex.class.getClassLoader().getResourceAsStream(RESOURCE_DIR + PROPERTIES);
                if (in == null) {
                    directories.complete(null);
                    return;
                }
                Properties props = properties(in);
                Path copy = copies == null ? null : copies.resolve(copyName(props));
                Directory onDisk = copy == null ? null : openCopy(copy, props);
                if (onDisk != null) {
                    directories.complete(onDisk);
                    return;
                }
                Directory inMemory = readEmbedded(props);
                directories.complete(inMemory);
                if (copy != null) {
                    saveCopy(inMemory, props, copy);
                }
            } catch (IOException | RuntimeException e) {
                directories.complete(null);
            }
        }, "index-prefetch");
        thread.setDaemon(true);
        thread.start();
    }

    /** Waits for and takes what {@link #prefetchEmbedded} opened (for tests). */
    static Directory prefetchedForTest() {
        CompletableFuture<Directory> ahead = prefetched;
        prefetched = null;
        return ahead == null ? null : ahead.join();
    }

    /**
     * The folder name of the on-disk copy of the index {@code props} describe: from its fingerprint and its files,
     * since two builds of one corpus may name their segments differently.
     */
    static String copyName(Properties props) {
        CRC32C crc = new CRC32C();
        for (String key : new java.util.TreeSet<>(props.stringPropertyNames())) {
            crc.update((key + "=" + props.getProperty(key) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return "index-" + Long.toHexString(crc.getValue());
    }

    /** Whether {@code copy} holds the properties {@code props} and every file they list. */
    private static boolean isCompleteCopy(Path copy, Properties props) throws IOException {
        Path marker = copy.resolve(PROPERTIES);
        if (!Files.isRegularFile(marker)) {
            return false;
        }
        Properties saved = properties(Files.newInputStream(marker));
        for (String key : props.stringPropertyNames()) {
            if (!props.getProperty(key).equals(saved.getProperty(key))) {
                return false;
            }
        }
        for (String file : props.getProperty(FILES, "").split(",")) {
            if (!file.isEmpty() && !Files.isRegularFile(copy.resolve(FILES).resolve(file))) {
                return false;
            }
        }
        return true;
    }

    /** The copy, memory-mapped, when {@code copy} is a complete copy of the index {@code props} describe. */
    private static Directory openCopy(Path copy, Properties props) {
        try {
            if (!isCompleteCopy(copy, props)) {
                return null;
            }
            Directory dirs = FSDirectory.open(copy.resolve(FILES));
            log.debug("Opened the copy of the embedded search index in {}", copy);
            return dirs;
        } catch (IOException | RuntimeException e) {
            log.debug("Cannot open the copy of the embedded search index in {}: {}", copy, e.toString());
            return null;
        }
    }

    /**
     * Writes the index in {@code dirs} into {@code copy}: into a folder of its own first, moved into place when
     * complete (its properties last), so a copy that exists is whole. Copies of other indexes (older builds) are
     * removed. A folder that cannot be written only means the next start reads the jar again.
     */
    private static void saveCopy(Directory dir, Properties props, Path copy) {
        Path parent = copy.getParent();
        Path temp = parent.resolve(".partial-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
        try {
            Files.createDirectories(parent);
            try (Directory files = FSDirectory.open(Files.createDirectories(temp.resolve(FILES)))) {
                for (String file : dir.listAll()) {
                    files.copyFrom(dir, file, file, IOContext.DEFAULT);
                }
            }
            try (OutputStream out = Files.newOutputStream(temp.resolve(PROPERTIES))) {
                props.store(out, "a copy of the search index embedded in the jar");
            }
            if (isCompleteCopy(copy, props)) {
                // Another server made the same copy meanwhile.
                IOUtils.rm(temp);
                return;
            }
            // A folder of this name that is not complete is broken (a file lost): it makes way for the new copy.
            IOUtils.rm(copy);
            Files.move(temp, copy, StandardCopyOption.ATOMIC_MOVE);
            log.debug("Copied the embedded search index to {}", copy);
            try (Stream<Path> others = Files.list(parent)) {
                for (Path other : others.filter(p -> !p.equals(copy)).toList()) {
                    IOUtils.rm(other);
                }
            }
        } catch (IOException | RuntimeException e) {
            // Another server may have made the same copy first; either way the next start finds one or reads the jar.
            log.debug("Did not copy the embedded search index to {}: {}", copy, e.toString());
            try {
                IOUtils.rm(temp);
            } catch (IOException ignored) {
                // nothing more to do
            }
        }
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
        ClassLoader loader = PrebuiltIndex.class.getClassLoader();
        InputStream in = loader.getResourceAsStream(RESOURCE_DIR + PROPERTIES);
        CompletableFuture<Directory> ahead = prefetched;
        prefetched = null;
        if (in == null) {
            return Optional.empty();
        }
        Properties props = properties(in);
        if (!fingerprint(corpus).equals(props.getProperty("fingerprint"))) {
            return Optional.empty();
        }
        Directory dirs = ahead == null ? null : ahead.join();
        if (dirs != null) {
            try {
                return Optional.of(new SearchIndex(corpus, dirs));
            } catch (IOException | RuntimeException e) {
                // A damaged copy on disk: the jar still has the index, and the next start makes a new copy.
                log.warn("The copy of the search index could not be opened ({}); reading the one in the jar",
                        e.toString());
                if (dirs instanceof FSDirectory onDisk) {
                    try {
                        IOUtils.rm(onDisk.getDirectory().getParent());
                    } catch (IOException ignored) {
                        // the next start finds it damaged again and reads the jar
                    }
                }
            }
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
