package com.workos.mcpdocs.source;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * The raw files of a corpus in the {@code .docs/organized} layout ({@code docs/**}, {@code changelogs/*.json},
 * {@code examples/<group>/...}), keyed by their path relative to the layout's root, always with {@code /}.
 *
 * <p>A tree is read into memory once; nothing later touches the file system, so a path a client sends
 * can never reach a file outside the corpus.
 *
 * @param origin a human description of where the files came from (for logs and the doctor command)
 * @param files  relative path to file content
 */
public record ContentTree(String origin, Map<String, byte[]> files) {

    /** Prefix of the organized content inside the published npm package tarball. */
    public static final String NPM_ORGANIZED_PREFIX = "package/.docs/organized/";

    public ContentTree {
        files = Collections.unmodifiableMap(new TreeMap<>(files));
    }

    /** Reads every regular file under {@code root}. */
    public static ContentTree fromDirectory(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            throw new IOException("not a directory: " + root);
        }
        Map<String, byte[]> files = new TreeMap<>();
        Path realRoot = root.toRealPath();
        try (Stream<Path> walk = Files.walk(realRoot)) {
            walk.filter(Files::isRegularFile).forEach(file -> {
                String relative = realRoot.relativize(file).toString().replace('\\', '/');
                try {
                    files.put(relative, Files.readAllBytes(file));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return new ContentTree(root.toString(), files);
    }

    /**
     * Reads the organized content out of an npm package tarball ({@code .tgz}): the entries under
     * {@code package/.docs/organized/}, with that prefix removed.
     */
    public static ContentTree fromNpmTarball(String origin, InputStream tgz) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (TarReader tar = new TarReader(new GZIPInputStream(tgz, 64 * 1024))) {
            TarReader.Entry entry;
            while ((entry = tar.next()) != null) {
                if (entry.isFile() && entry.name().startsWith(NPM_ORGANIZED_PREFIX)) {
                    files.put(entry.name().substring(NPM_ORGANIZED_PREFIX.length()), entry.content());
                }
            }
        }
        return new ContentTree(origin, files);
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

    /** A SHA-256 digest over every file's name and bytes: equal digests mean equal content. */
    public String contentId() {
        try {
            java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
            files.forEach((name, bytes) -> {
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
