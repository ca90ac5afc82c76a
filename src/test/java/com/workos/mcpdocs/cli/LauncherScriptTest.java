package com.workos.mcpdocs.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The POSIX launcher {@code bin/workos-mcp-docs-server} as a user installs it: linked onto the PATH, started from
 * another folder, without HOME, in a checkout or in the self-contained image's layout, with a stand-in {@code java}
 * that logs its arguments. The image itself is run for real by {@code ImageIT}.
 */
class LauncherScriptTest {

    private static final Path LAUNCHER = Path.of("bin/workos-mcp-docs-server").toAbsolutePath();

    @TempDir
    Path dir;

    private Path log;

    @BeforeEach
    void setUp() {
        assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "needs a POSIX shell");
        log = dir.resolve("java.log");
    }

    /** A stand-in java that logs its arguments, one call per line. */
    private Path fakeJava(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, "#!/bin/sh\necho \"$*\" >> \"" + log + "\"\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }

    /** An installation: the launcher in {@code home/bin}, the jar at {@code jarPath} under home. */
    private Path install(String name, String jarPath) throws IOException {
        Path home = dir.resolve(name);
        Files.createDirectories(home.resolve("bin"));
        Files.copy(LAUNCHER, home.resolve("bin/workos-mcp-docs-server"));
        Files.setPosixFilePermissions(home.resolve("bin/workos-mcp-docs-server"),
                PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.createDirectories(home.resolve(jarPath).getParent());
        Files.writeString(home.resolve(jarPath), "a jar");
        return home;
    }

    /** Runs the launcher as `workos-mcp-docs-server ARGS` through a symlink on PATH, from another folder, no HOME. */
    private Result run(Path home, String javaHome, String... args) throws IOException, InterruptedException {
        Path onPath = dir.resolve("path");
        Files.createDirectories(onPath);
        Path link = onPath.resolve("workos-mcp-docs-server");
        Files.deleteIfExists(link);
        Files.createSymbolicLink(link, home.resolve("bin/workos-mcp-docs-server"));
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        Files.deleteIfExists(log);
        ProcessBuilder builder = new ProcessBuilder(Stream.concat(Stream.of("/bin/sh", "-c",
                "workos-mcp-docs-server \"$@\"", "sh"), Stream.of(args)).toList()).directory(elsewhere.toFile());
        builder.environment().remove("HOME");
        builder.environment().remove("WORKOS_DOCS_JAVA_OPTS");
        builder.environment().put("PATH", onPath + ":/usr/bin:/bin");
        if (javaHome == null) {
            builder.environment().remove("JAVA_HOME");
        } else {
            builder.environment().put("JAVA_HOME", javaHome);
        }
        builder.redirectErrorStream(true);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), output, Files.exists(log) ? Files.readAllLines(log) : List.of());
    }

    private record Result(int code, String output, List<String> calls) {
    }

    private static List<String> tree(Path home) throws IOException {
        try (Stream<Path> files = Files.walk(home)) {
            return files.map(home::relativize).map(Path::toString).sorted().toList();
        }
    }

    @Test
    void aCheckoutRunsItsJarWithTheJavaOfJavaHomeAndWritesNothing() throws Exception {
        Path home = install("checkout", "target/workos-mcp-docs-server.jar");
        Path java = fakeJava(dir.resolve("jdk/bin/java"));
        List<String> before = tree(home);
        Result result = run(home, java.getParent().getParent().toString(), "search", "sso");
        assertThat(result.code()).as(result.output()).isZero();
        assertThat(result.calls()).singleElement().asString()
                .contains("-XX:TieredStopAtLevel=1").contains("-Xmx128m")
                .contains("-Dworkos.docs.launcher=" + home.toRealPath().resolve("bin/workos-mcp-docs-server"))
                .doesNotContain("Archive").doesNotContain("AOT")
                .endsWith("-jar " + home.toRealPath().resolve("target/workos-mcp-docs-server.jar") + " search sso");
        assertThat(tree(home)).isEqualTo(before);
    }

    @Test
    void theImageRunsItsOwnRuntimeWithTheCacheMadeAtBuildTime() throws Exception {
        Path home = install("image", "lib/workos-mcp-docs-server.jar");
        fakeJava(home.resolve("runtime/bin/java"));
        Files.writeString(home.resolve("lib/workos-mcp-docs-server.aot"), "cache");
        Path otherJava = fakeJava(dir.resolve("other-jdk/bin/java"));
        Result result = run(home, otherJava.getParent().getParent().toString(), "serve", "--http");
        assertThat(result.code()).as(result.output()).isZero();
        Path lib = home.toRealPath().resolve("lib");
        assertThat(result.calls()).singleElement().asString()
                .startsWith("-XX:AOTCache=" + lib.resolve("workos-mcp-docs-server.aot")).contains("-Xmx256m")
                .endsWith("-jar " + lib.resolve("workos-mcp-docs-server.jar") + " serve --http");
    }

    @Test
    void withoutAJarItSaysHowToBuildOne() throws Exception {
        Path home = install("empty", "lib/other.jar");
        Result result = run(home, null);
        assertThat(result.code()).isEqualTo(2);
        assertThat(result.output()).contains("mvn -q -DskipTests package");
    }
}
