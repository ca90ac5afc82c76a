package com.workos.mcpdocs.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches a published npm package tarball with the machine's own {@code npm pack}, so the user's registry
 * configuration ({@code .npmrc}, proxies, mirrors) applies and no registry address lives in this code.
 * Tarballs are cached by name and version and checked against their Subresource Integrity string.
 */
public final class NpmPackageFetcher {

    private static final Logger log = LoggerFactory.getLogger(NpmPackageFetcher.class);
    private static final Pattern INTEGRITY_JSON = Pattern.compile("\"integrity\"\\s*:\\s*\"(sha512-[A-Za-z0-9+/=]+)\"");
    private static final Pattern FILENAME_JSON = Pattern.compile("\"filename\"\\s*:\\s*\"([^\"]+)\"");

    private final Path cacheDir;
    private final String npmCommand;
    private final long timeoutSeconds;

    public NpmPackageFetcher(Path cacheDir) {
        this(cacheDir, System.getProperty("os.name", "").toLowerCase().contains("win") ? "npm.cmd" : "npm", 180);
    }

    public NpmPackageFetcher(Path cacheDir, String npmCommand, long timeoutSeconds) {
        this.cacheDir = cacheDir;
        this.npmCommand = npmCommand;
        this.timeoutSeconds = timeoutSeconds;
    }

    /**
     * Returns the tarball of {@code pkg@version}, from the cache when a copy with the expected integrity is
     * there, else through {@code npm pack}.
     *
     * @param expectedIntegrity an {@code sha512-...} string, or {@code null} to accept what npm reports
     */
    public Path fetch(String pkg, String version, String expectedIntegrity) throws IOException {
        Files.createDirectories(cacheDir);
        Path cached = cacheDir.resolve(tarballName(pkg, version));
        if (expectedIntegrity != null && Files.isRegularFile(cached)) {
            if (expectedIntegrity.equals(integrityOf(cached))) {
                log.info("Using cached {}", cached);
                return cached;
            }
            log.warn("Cached {} does not match its integrity; fetching again", cached);
        }
        Path work = Files.createTempDirectory(cacheDir, "pack-");
        try {
            String output = runNpmPack(pkg + "@" + version, work);
            Matcher file = FILENAME_JSON.matcher(output);
            Path packed = file.find() ? work.resolve(Path.of(file.group(1)).getFileName()) : findTarball(work);
            String actual = integrityOf(packed);
            String wanted = expectedIntegrity;
            if (wanted == null) {
                Matcher reported = INTEGRITY_JSON.matcher(output);
                wanted = reported.find() ? reported.group(1) : actual;
            }
            if (!wanted.equals(actual)) {
                throw new IOException("integrity mismatch for " + pkg + "@" + version + ": expected " + wanted
                        + ", got " + actual);
            }
            Path target = expectedIntegrity != null ? cached : cacheDir.resolve(packed.getFileName());
            Files.move(packed, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } finally {
            deleteQuietly(work);
        }
    }

    /** The Subresource Integrity string ({@code sha512-<base64>}) of a file. */
    public static String integrityOf(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-512");
            byte[] buffer = new byte[64 * 1024];
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
            }
            return "sha512-" + Base64.getEncoder().encodeToString(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-512 is missing from this JVM", e);
        }
    }

    static String tarballName(String pkg, String version) {
        // npm's own naming: @scope/name -> scope-name-version.tgz
        return pkg.replace("@", "").replace('/', '-') + "-" + version + ".tgz";
    }

    private String runNpmPack(String spec, Path work) throws IOException {
        List<String> command = new ArrayList<>(List.of(npmCommand, "pack", spec, "--json", "--silent"));
        ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile());
        Path outFile = work.resolve(".npm-pack.out");
        Path errFile = work.resolve(".npm-pack.err");
        builder.redirectOutput(outFile.toFile()).redirectError(errFile.toFile());
        builder.redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new IOException("cannot run '" + npmCommand + "' (is Node.js with npm installed and on PATH?): "
                    + e.getMessage(), e);
        }
        try {
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("'npm pack " + spec + "' did not finish in " + timeoutSeconds + " s");
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running npm pack", e);
        }
        String stdout = Files.readString(outFile);
        if (process.exitValue() != 0) {
            String stderr = Files.readString(errFile).strip();
            throw new IOException("'npm pack " + spec + "' failed (exit " + process.exitValue() + "): "
                    + lastLines(stderr, 5));
        }
        return stdout;
    }

    private static Path findTarball(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".tgz")).findFirst()
                    .orElseThrow(() -> new IOException("npm pack produced no tarball"));
        }
    }

    private static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name", "").toLowerCase().contains("win") ? "NUL" : "/dev/null");
    }

    private static String lastLines(String text, int n) {
        String[] lines = text.split("\\R");
        int from = Math.max(0, lines.length - n);
        return String.join(" | ", java.util.Arrays.copyOfRange(lines, from, lines.length));
    }

    private static void deleteQuietly(Path dir) {
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // best effort: a leftover temp folder in the cache is harmless
                }
            });
        } catch (IOException ignored) {
            // best effort
        }
    }
}
