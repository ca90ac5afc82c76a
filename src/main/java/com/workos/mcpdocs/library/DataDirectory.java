package com.workos.mcpdocs.library;

import com.workos.mcpdocs.source.ContentBudget;
import com.workos.mcpdocs.source.ContentTree;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
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
    /** The pointer holds one folder name; anything longer is not one, and is never read whole. */
    private static final int MAX_POINTER_BYTES = 256;
    /** How a sync names a corpus folder: its time stamp, then the version. */
    static final java.util.regex.Pattern CORPUS_NAME = java.util.regex.Pattern.compile(
            "\\d{8}T\\d{9}Z-[0-9A-Za-z._\\-]+");

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

    /** The corpus folder {@code current} names, when there is one and it is complete. */
    public Optional<Path> current() {
        Path pointer = root.resolve(CURRENT);
        Optional<String> problem = currentProblem();
        if (problem.isPresent()) {
            log.warn("{}", problem.get());
            return Optional.empty();
        }
        try {
            return Files.exists(pointer, LinkOption.NOFOLLOW_LINKS) ? Optional.of(corpusDir(pointerName()))
                    : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * What is wrong with the {@code current} pointer, when something is: it is a folder or not a file, too large to
     * be a name, unreadable, or names no complete corpus. Empty when it is fine or absent (nothing synced).
     */
    public Optional<String> currentProblem() {
        Path pointer = root.resolve(CURRENT);
        try {
            if (!Files.exists(pointer, LinkOption.NOFOLLOW_LINKS)) {
                return Optional.empty();
            }
            if (!Files.isRegularFile(pointer, LinkOption.NOFOLLOW_LINKS)) {
                return Optional.of(pointer + " should be a one-line file naming the corpus being served, but it is "
                        + (Files.isDirectory(pointer, LinkOption.NOFOLLOW_LINKS) ? "a folder" : "not a file")
                        + "; remove it and run sync again");
            }
            if (Files.size(pointer) > MAX_POINTER_BYTES) {
                return Optional.of(pointer + " is " + Files.size(pointer) + " bytes, too large to name a corpus; "
                        + "remove it and run sync again");
            }
            String name = pointerName();
            if (name.isEmpty() || name.contains("/") || name.contains("\\") || name.startsWith(".")
                    || !Files.isRegularFile(corpusDir(name).resolve(PROPERTIES))) {
                return Optional.of(pointer + " names '" + name + "', which is not a complete corpus; run sync "
                        + "again");
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of("cannot read " + pointer + " (" + e.getMessage() + "); run sync again");
        }
    }

    private String pointerName() throws IOException {
        try (InputStream in = Files.newInputStream(root.resolve(CURRENT))) {
            return new String(in.readNBytes(MAX_POINTER_BYTES), StandardCharsets.UTF_8).strip();
        }
    }

    private Path corpusDir(String name) {
        return root.resolve(CORPORA).resolve(name);
    }

    /**
     * The finished corpus folders a sync made, newest first. Other entries of {@code corpora/} (a folder someone put
     * there, a sync in progress) are not corpora: never served, never pruned.
     */
    public List<Path> finishedCorpora() {
        Path corpora = root.resolve(CORPORA);
        if (!Files.isDirectory(corpora)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(corpora)) {
            return entries.filter(p -> CORPUS_NAME.matcher(p.getFileName().toString()).matches())
                    .filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
                    .filter(p -> Files.isRegularFile(p.resolve(PROPERTIES)))
                    .sorted(Comparator.comparing((Path p) -> p.getFileName().toString()).reversed())
                    .toList();
        } catch (IOException e) {
            return List.of();
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
        FileChannel channel;
        try {
            Files.createDirectories(root);
            channel = FileChannel.open(root.resolve("sync.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (java.nio.file.FileSystemException e) {
            throw new IOException("cannot write to the data directory " + root + " (" + e.getClass().getSimpleName()
                    + (e.getReason() == null ? "" : ": " + e.getReason()) + "); make it writable, or choose another "
                    + "with --data-dir or " + ENV, e);
        }
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
        Path pointer = root.resolve(CURRENT);
        if (Files.exists(pointer, LinkOption.NOFOLLOW_LINKS)
                && !Files.isRegularFile(pointer, LinkOption.NOFOLLOW_LINKS)) {
            // Checked before anything is written: the sync could not replace it at the end.
            throw new IOException(currentProblem().orElse(pointer + " is not a file; remove it and sync again"));
        }
        try {
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
        } catch (java.nio.file.FileSystemException e) {
            throw new IOException("cannot write to the data directory " + root + " (" + e.getClass().getSimpleName()
                    + (e.getReason() == null ? "" : ": " + e.getReason()) + "); make it writable, or choose another "
                    + "with --data-dir or " + ENV, e);
        }
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
        try {
            fsync(finalDir.getParent());
            Path tmp = root.resolve(CURRENT + ".tmp");
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                channel.write(java.nio.ByteBuffer.wrap((name + "\n").getBytes(StandardCharsets.UTF_8)));
                channel.force(true);
            }
            moveAtomically(tmp, root.resolve(CURRENT));
        } catch (IOException e) {
            // current still names the previous corpus: the new folder would only be an orphan.
            deleteTree(finalDir);
            throw new IOException("could not switch " + root.resolve(CURRENT) + " to the new corpus ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + "); the previous corpus still serves",
                    e);
        }
        fsync(root);
        pruneOld(name);
        return finalDir;
    }

    /** Drops finished corpora but the current one and the newest {@value #KEEP_PREVIOUS} before it that verify. */
    private void pruneOld(String currentName) {
        try {
            // The previous corpora kept are the newest that verify: a damaged one could not stand in for anything.
            int kept = 0;
            for (Path old : finishedCorpora()) {
                if (old.getFileName().toString().equals(currentName)) {
                    continue;
                }
                if (kept < KEEP_PREVIOUS && verifies(old)) {
                    kept++;
                } else {
                    deleteTree(old);
                }
            }
        } catch (IOException e) {
            log.warn("Could not remove old corpora in {} ({}); they only take disk space", root, e.getMessage());
        }
    }

    private static boolean verifies(Path corpus) {
        try {
            StoredCorpus.open(corpus);
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
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
