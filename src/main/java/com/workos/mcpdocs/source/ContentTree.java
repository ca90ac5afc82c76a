package com.workos.mcpdocs.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;

/**
 * The raw files of a corpus in the {@code .docs/organized} layout ({@code docs/**}, {@code changelogs/*.json},
 * {@code examples/<group>/...}), keyed by their path relative to the layout's root, always with {@code /}.
 *
 * <p>A tree is read into memory once; nothing later touches the file system, so a path a client sends
 * can never reach a file outside the corpus.
 *
 * @param origin  a human description of where the files came from (for logs and the doctor command)
 * @param files   relative path to file content
 * @param skipped files of the source that were not read (relative path to the reason): links out of the folder,
 *                files over the {@link ContentBudget}, unreadable files
 */
public record ContentTree(String origin, Map<String, byte[]> files, Map<String, String> skipped) {

    /** Prefix of the organized content inside the published npm package tarball. */
    public static final String NPM_ORGANIZED_PREFIX = "package/.docs/organized/";
    /** The parts of the layout a folder is read for; anything else in it is never opened. */
    private static final List<String> LAYOUT_FOLDERS = List.of("docs", "changelogs", "examples");
    private static final String ALIASES = "aliases.json";

    public ContentTree {
        files = Collections.unmodifiableMap(new TreeMap<>(files));
        skipped = Collections.unmodifiableMap(new TreeMap<>(skipped));
    }

    public ContentTree(String origin, Map<String, byte[]> files) {
        this(origin, files, Map.of());
    }

    /**
     * Reads the {@code .docs/organized} layout under {@code root} ({@code docs/}, {@code changelogs/},
     * {@code examples/}, {@code aliases.json}) by the {@link ContentRoot} rule: what the rule refuses is skipped and
     * named in {@link #skipped}, the rest is read.
     */
    public static ContentTree fromDirectory(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            throw new IOException("not a directory: " + root);
        }
        ContentRoot content = ContentRoot.of(root);
        Map<String, byte[]> files = new TreeMap<>();
        for (String folder : LAYOUT_FOLDERS) {
            content.files(content.path().resolve(folder), name -> true)
                    .forEach((name, bytes) -> files.put(folder + "/" + name, bytes));
        }
        Path aliases = content.path().resolve(ALIASES);
        if (Files.exists(aliases, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            content.read(aliases).ifPresent(bytes -> files.put(ALIASES, bytes));
        }
        return new ContentTree(root.toString(), files, content.skipped());
    }

    /**
     * Reads the organized content out of an npm package tarball ({@code .tgz}): the entries under
     * {@code package/.docs/organized/}, with that prefix removed.
     */
    public static ContentTree fromNpmTarball(String origin, InputStream tgz) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        ContentBudget budget = new ContentBudget();
        try (TarReader tar = new TarReader(new GZIPInputStream(tgz, 64 * 1024))) {
            TarReader.Entry entry;
            while ((entry = tar.next()) != null) {
                if (!entry.isFile() || !entry.name().startsWith(NPM_ORGANIZED_PREFIX)) {
                    continue;
                }
                String name = entry.name().substring(NPM_ORGANIZED_PREFIX.length());
                if (!isPlainRelative(name)) {
                    budget.skip(name, "a name that would leave the package's folder");
                } else if (files.containsKey(name)) {
                    budget.skip(name, "a second entry of the same name");
                } else if (budget.admit(name, entry.size())) {
                    files.put(name, tar.content());
                }
            }
        }
        return new ContentTree(origin, files, budget.skipped());
    }

    /**
     * Whether {@code name} is a plain relative path: no {@code ..} or {@code .} segment, no empty segment, not
     * absolute, no backslash or NUL. Archives (a tarball, the stored corpus) name files freely; only such names may
     * become paths of the corpus.
     */
    public static boolean isPlainRelative(String name) {
        if (name.isEmpty() || name.startsWith("/") || name.contains("\\") || name.indexOf('\0') >= 0) {
            return false;
        }
        for (String segment : name.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                return false;
            }
        }
        return true;
    }

    /** Files whose relative path starts with {@code prefix}. */
    public Map<String, byte[]> under(String prefix) {
        Map<String, byte[]> out = new TreeMap<>();
        files.forEach((name, bytes) -> {
            if (name.startsWith(prefix)) {
                out.put(name, bytes);
            }
        });
        return out;
    }

    /** A SHA-256 digest over every file's name and bytes but the moved-path table: equal digests, equal content. */
    public String contentId() {
        try {
            java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
            files.forEach((name, bytes) -> {
                if (name.equals(ALIASES)) {
                    // The table of moved paths is no part of what is searched, and a sync writes it after the
                    // search index: counting it would make a synced corpus never match its own saved index.
                    return;
                }
                digest.update(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(java.nio.ByteBuffer.allocate(4).putInt(bytes.length).array());
                digest.update(bytes);
            });
            return java.util.HexFormat.of().formatHex(digest.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    public boolean isEmpty() {
        return files.isEmpty();
    }
}
