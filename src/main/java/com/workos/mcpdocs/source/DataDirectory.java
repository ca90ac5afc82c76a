package com.workos.mcpdocs.source;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The folder where {@code sync} keeps corpora. Layout:
 * <pre>
 * current                      one line: the name of the corpus folder being served
 * corpora/&lt;name&gt;/content.zip   the corpus in the .docs/organized layout (docs/, changelogs/, examples/, aliases.json)
 * corpora/&lt;name&gt;/index/        its search index
 * corpora/&lt;name&gt;/corpus.properties   origin, version, date
 * corpora/.partial-&lt;name&gt;/     a sync in progress (or one that died: removed by the next sync)
 * </pre>
 * A corpus folder is written completely and flushed to disk under a {@code .partial-} name, renamed, and only then
 * named by {@code current} through an atomic replace. A sync that fails or is killed at any point therefore leaves
 * {@code current} naming the previous, complete folder.
 */
public final class DataDirectory {

    private static final Logger log = LoggerFactory.getLogger(DataDirectory.class);

    /** Environment variable that overrides the default location. */
    public static final String ENV = "WORKOS_DOCS_DATA_DIR";
    static final String CURRENT = "current";
    static final String CORPORA = "corpora";
    static final String PARTIAL = ".partial-";
    /** The corpus files in one archive: one file to write and flush instead of hundreds. */
    static final String CONTENT_ZIP = "content.zip";
    static final String INDEX = "index";
    static final String PROPERTIES = "corpus.properties";
    /** Corpora kept besides the current one, so a server still reading the previous one is not cut off. */
    private static final int KEEP_PREVIOUS = 1;

    private final Path root;

    public DataDirectory(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /**
     * {@code explicit} when given, else {@code $WORKOS_DOCS_DATA_DIR}, else {@code $XDG_DATA_HOME/workos-mcp-docs-server},
     * else {@code ~/.local/share/workos-mcp-docs-server}.
     */
    public static DataDirectory resolve(Path explicit) {
        return resolve(explicit, System.getenv());
    }

    static DataDirectory resolve(Path explicit, Map<String, String> env) {
        if (explicit != null) {
            return new DataDirectory(explicit);
        }
        String fromEnv = env.get(ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return new DataDirectory(Path.of(fromEnv));
        }
        String xdg = env.get("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg)
                : Path.of(System.getProperty("user.home"), ".local", "share");
        return new DataDirectory(base.resolve("workos-mcp-docs-server"));
    }

    public Path root() {
        return root;
    }

    /**
     * Where a server keeps an on-disk copy of the search index embedded in its jar, to open it memory-mapped at the
     * next start instead of reading it out of the jar (regenerable: deleting the folder costs one slower start).
     */
    public Path embeddedIndexCopies() {
        return root.resolve("embedded-index");
    }

    /** The corpus folder {@code current} names, when there is one and it is complete. */
    public Optional<Path> current() {
        Path pointer = root.resolve(CURRENT);
        try {
            if (!Files.isRegularFile(pointer)) {
                return Optional.empty();
            }
            String name = Files.readString(pointer, StandardCharsets.UTF_8).strip();
            Path dir = root.resolve(CORPORA).resolve(name);
            if (name.isEmpty() || name.contains("/") || name.contains("\\") || name.startsWith(".")
                    || !Files.isRegularFile(dir.resolve(PROPERTIES))) {
                log.warn("{} names '{}', which is not a complete corpus; run sync again", pointer, name);
                return Optional.empty();
            }
            return Optional.of(dir);
        } catch (IOException e) {
            log.warn("Cannot read {} ({}); run sync again", pointer, e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * A cheap token that changes whenever {@code current} is replaced (file identity and modification time), so a
     * long-running server can notice a sync without reading anything else.
     */
    public Object currentStamp() {
        try {
            BasicFileAttributes attrs = Files.readAttributes(root.resolve(CURRENT), BasicFileAttributes.class);
            return List.of(Objects.toString(attrs.fileKey()), attrs.lastModifiedTime(), attrs.size());
        } catch (IOException e) {
            return "absent";
        }
    }

    /**
     * Takes the data directory's sync lock, so two syncs never clean up each other's work in progress. The operating
     * system releases it when the process ends, even on {@code kill -9}, so it never goes stale.
     *
     * @throws IOException when another sync holds it
     */
    public java.nio.channels.FileLock lock() throws IOException {
        Files.createDirectories(root);
        FileChannel channel = FileChannel.open(root.resolve("sync.lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        java.nio.channels.FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (java.nio.channels.OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            throw new IOException("another sync is running on " + root + "; wait for it to finish, then try again");
        }
        return lock;
    }

    /** A fresh folder for a sync to write into; stale partial folders of earlier, failed syncs are removed first. */
    Path beginPartial(String name) throws IOException {
        Path corpora = Files.createDirectories(root.resolve(CORPORA));
        try (Stream<Path> entries = Files.list(corpora)) {
            for (Path stale : entries.filter(p -> p.getFileName().toString().startsWith(PARTIAL)).toList()) {
                log.info("Removing {} left by an interrupted sync", stale.getFileName());
                deleteTree(stale);
            }
        }
        String unique = name;
        for (int n = 2; Files.exists(corpora.resolve(unique)); n++) {
            unique = name + "-" + n; // never overwrite a finished corpus, least of all the current one
        }
        return Files.createDirectories(corpora.resolve(PARTIAL + unique));
    }

    /**
     * Makes a finished partial folder the current corpus: flushes it, renames it to its final name, then atomically
     * replaces {@code current}. Returns the final folder.
     */
    Path commit(Path partial) throws IOException {
        fsyncTree(partial);
        String name = partial.getFileName().toString().substring(PARTIAL.length());
        Path finalDir = partial.resolveSibling(name);
        moveAtomically(partial, finalDir);
        fsync(finalDir.getParent());
        Path tmp = root.resolve(CURRENT + ".tmp");
        try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            channel.write(java.nio.ByteBuffer.wrap((name + "\n").getBytes(StandardCharsets.UTF_8)));
            channel.force(true);
        }
        moveAtomically(tmp, root.resolve(CURRENT));
        fsync(root);
        pruneOld(name);
        return finalDir;
    }

    /** Drops corpora older than the current one and the {@value #KEEP_PREVIOUS} before it. */
    private void pruneOld(String currentName) {
        try (Stream<Path> entries = Files.list(root.resolve(CORPORA))) {
            List<Path> done = entries.filter(p -> !p.getFileName().toString().startsWith("."))
                    .filter(p -> !p.getFileName().toString().equals(currentName))
                    .sorted(Comparator.comparing((Path p) -> p.getFileName().toString()).reversed())
                    .toList();
            for (Path old : done.subList(Math.min(KEEP_PREVIOUS, done.size()), done.size())) {
                deleteTree(old);
            }
        } catch (IOException e) {
            log.warn("Could not remove old corpora in {} ({}); they only take disk space", root, e.getMessage());
        }
    }

    private static void moveAtomically(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the file system of " + to.getParent() + " cannot rename atomically; choose "
                    + "another --data-dir", e);
        }
    }

    /** Writes corpus files (relative path to content) into one zip archive. */
    static void writeContent(Path zip, Map<String, byte[]> files) throws IOException {
        try (ZipOutputStream out = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(zip), 1 << 16))) {
            out.setLevel(Deflater.BEST_SPEED);
            for (Map.Entry<String, byte[]> file : new TreeMap<>(files).entrySet()) {
                out.putNextEntry(new ZipEntry(file.getKey()));
                out.write(file.getValue());
                out.closeEntry();
            }
        }
    }

    /**
     * Reads what {@link #writeContent} wrote, within a {@link ContentBudget}; entries that would leave the archive's
     * root are refused.
     */
    static ContentTree readContent(String origin, Path zip) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        ContentBudget budget = new ContentBudget();
        try (ZipInputStream in = new ZipInputStream(new BufferedInputStream(Files.newInputStream(zip), 1 << 16))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                String name = entry.getName();
                if (entry.isDirectory()) {
                    continue;
                }
                if (!ContentTree.isPlainRelative(name)) {
                    budget.skip(name, "a name that would leave the corpus folder");
                    continue;
                }
                // The declared size may be absent or false: read one byte past the limit to know.
                byte[] bytes = in.readNBytes((int) ContentBudget.MAX_FILE_BYTES + 1);
                if (budget.admit(name, bytes.length)) {
                    files.put(name, bytes);
                }
            }
        }
        return new ContentTree(origin, files, budget.skipped());
    }

    private static void fsyncTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.toList()) {
                fsync(p);
            }
        }
    }

    private static void fsync(Path path) throws IOException {
        boolean directory = Files.isDirectory(path);
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Some systems (Windows) cannot open a folder to flush it; the files inside are flushed already.
            if (!directory) {
                throw e;
            }
        }
    }

    /** Deletes a folder and everything in it; nothing when it does not exist. */
    public static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
