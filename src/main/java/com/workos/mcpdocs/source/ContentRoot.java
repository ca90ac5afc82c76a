package com.workos.mcpdocs.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileVisitResult;
import java.nio.file.FileVisitor;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The one rule for what a folder of content (a {@code --docs} folder, {@code sync --from-dir}, a monorepo checkout)
 * may yield: regular files inside it, read within a {@link ContentBudget}. A symbolic link is followed only when its
 * target is a file inside the same folder; a link that leads out of it (to {@code /etc/passwd},
 * {@code /proc/self/environ}, another checkout) is skipped and named, and so is a link to a folder, wherever it
 * points. Devices, pipes and sockets are skipped (reading a pipe would wait forever), as are files that cannot be
 * read; each skipped file is recorded with its reason and the others are read.
 */
public final class ContentRoot {

    /** Folders deeper than this under a walked folder are not entered; the docs nest five levels. */
    static final int MAX_DEPTH = 32;

    private final Path root;
    private final Path realRoot;
    private final ContentBudget budget = new ContentBudget();

    private ContentRoot(Path root, Path realRoot) {
        this.root = root;
        this.realRoot = realRoot;
    }

    /** @throws IOException when {@code root} is not a readable folder */
    public static ContentRoot of(Path root) throws IOException {
        Path absolute = root.toAbsolutePath().normalize();
        if (!Files.isDirectory(absolute)) {
            throw new IOException(absolute + " is not a folder");
        }
        return new ContentRoot(absolute, absolute.toRealPath());
    }

    public Path path() {
        return root;
    }

    /**
     * The files under {@code dir} (a folder inside the root) whose names {@code wanted} accepts, keyed by their
     * path relative to {@code dir} with {@code /}. A {@code dir} that is missing, or a link that leaves the root,
     * yields nothing.
     */
    public Map<String, byte[]> files(Path dir, Predicate<String> wanted) throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        if (!isFolderInside(dir)) {
            return out;
        }
        Path start = dir.toRealPath();
        Files.walkFileTree(start, EnumSet.noneOf(java.nio.file.FileVisitOption.class), MAX_DEPTH,
                new FileVisitor<>() {
                    @Override
                    public FileVisitResult preVisitDirectory(Path folder, BasicFileAttributes attrs) {
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                        String relative = start.relativize(file).toString().replace('\\', '/');
                        if (attrs.isDirectory()) {
                            budget.skip(name(file), "more than " + MAX_DEPTH + " folders deep");
                        } else if (wanted.test(relative)) {
                            read(file).ifPresent(bytes -> out.put(relative, bytes));
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFileFailed(Path file, IOException e) {
                        budget.skip(name(file), "cannot be read (" + reason(e) + ")");
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult postVisitDirectory(Path folder, IOException e) {
                        if (e != null) {
                            budget.skip(name(folder), "cannot be listed (" + reason(e) + ")");
                        }
                        return FileVisitResult.CONTINUE;
                    }
                });
        return out;
    }

    /** Whether {@code dir} is a folder whose real location is inside the root (a link to one outside is not). */
    public boolean isFolderInside(Path dir) {
        try {
            if (!Files.isDirectory(dir)) {
                return false;
            }
            if (dir.toRealPath().startsWith(realRoot)) {
                return true;
            }
            budget.skip(name(dir), "a symbolic link to a folder outside " + root + "; not followed");
            return false;
        } catch (IOException e) {
            budget.skip(name(dir), "cannot be read (" + reason(e) + ")");
            return false;
        }
    }

    /**
     * One file's bytes when the rule lets it in; otherwise empty, with the reason recorded. A missing file is
     * empty without a record.
     */
    public Optional<byte[]> read(Path file) {
        String name = name(file);
        try {
            BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS);
            Path target = file;
            if (attrs.isSymbolicLink()) {
                target = file.toRealPath();
                attrs = Files.readAttributes(target, BasicFileAttributes.class);
                if (!target.startsWith(realRoot)) {
                    budget.skip(name, "a symbolic link to a " + (attrs.isDirectory() ? "folder" : "file")
                            + " outside " + root + "; not followed");
                    return Optional.empty();
                }
                if (attrs.isDirectory()) {
                    budget.skip(name, "a symbolic link to a folder; not followed");
                    return Optional.empty();
                }
            }
            if (!attrs.isRegularFile()) {
                budget.skip(name, "not a regular file");
                return Optional.empty();
            }
            if (!budget.admit(name, attrs.size())) {
                return Optional.empty();
            }
            try (InputStream in = Files.newInputStream(target)) {
                // The size was checked above; a file that grows meanwhile is still read only up to the limit.
                byte[] bytes = in.readNBytes((int) ContentBudget.MAX_FILE_BYTES + 1);
                if (bytes.length > ContentBudget.MAX_FILE_BYTES) {
                    budget.skip(name, "grew beyond " + ContentBudget.MAX_FILE_BYTES + " bytes while being read");
                    return Optional.empty();
                }
                return Optional.of(bytes);
            }
        } catch (NoSuchFileException e) {
            if (Files.isSymbolicLink(file)) {
                budget.skip(name, "a symbolic link to nothing");
            }
            return Optional.empty();
        } catch (IOException e) {
            budget.skip(name, "cannot be read (" + reason(e) + ")");
            return Optional.empty();
        }
    }

    /** Files skipped so far under this root: path relative to the root, to reason. */
    public Map<String, String> skipped() {
        return budget.skipped();
    }

    private String name(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        Path relative = absolute.startsWith(root) ? root.relativize(absolute)
                : absolute.startsWith(realRoot) ? realRoot.relativize(absolute) : absolute;
        return relative.toString().replace('\\', '/');
    }

    private static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": "
                + e.getMessage();
    }
}
