package com.workos.mcpdocs.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The POSIX launcher {@code bin/workos-mcp-docs-server} as an MCP client runs it, with a stand-in {@code java} that
 * logs its arguments and writes the class-data sharing archive it is asked to record: where the archive goes, when it
 * is used, and that nothing is left behind.
 */
class LauncherScriptTest {

    private static final Path LAUNCHER = Path.of("bin/workos-mcp-docs-server").toAbsolutePath();

    @TempDir
    Path dir;

    private Path jar;
    private Path log;
    private Path java;
    private Path stdin;

    @BeforeEach
    void setUp() throws IOException {
        assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "needs a POSIX shell");
        jar = dir.resolve("install/workos-mcp-docs-server.jar");
        Files.createDirectories(jar.getParent());
        Files.writeString(jar, "a jar");
        stdin = dir.resolve("stdin");
        Files.writeString(stdin, "");
        log = dir.resolve("java.log");
        java = dir.resolve("java");
        // Logs each call on one line; "-version" answers as a JDK 17 would; a recording run reads stdin to its end,
        // as the server does, then writes the archive it was asked for.
        Files.writeString(java, """
                #!/bin/sh
                echo "$*" >> "%s"
                if [ "$1" = "-version" ]; then echo 'openjdk version "17.0.15" 2025-04-15' >&2; exit 0; fi
                for arg in "$@"; do
                  case $arg in -XX:ArchiveClassesAtExit=*) cat > /dev/null; echo archive > "${arg#*=}" ;; esac
                done
                exit 0
                """.formatted(log));
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private List<String> run(String... args) throws IOException, InterruptedException {
        Files.deleteIfExists(log);
        ProcessBuilder builder = new ProcessBuilder(Stream.concat(Stream.of("/bin/sh", LAUNCHER.toString()),
                Stream.of(args)).toList());
        builder.environment().put("JAVA", java.toString());
        builder.environment().put("WORKOS_DOCS_JAR", jar.toString());
        builder.environment().remove("WORKOS_DOCS_JAVA_OPTS");
        builder.environment().remove("WORKOS_DOCS_NO_CDS");
        builder.redirectInput(ProcessBuilder.Redirect.from(stdin.toFile()));
        builder.redirectErrorStream(true);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return Files.exists(log) ? Files.readAllLines(log) : List.of();
    }

    private List<String> files() throws IOException {
        try (Stream<Path> list = Files.list(jar.getParent())) {
            return list.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".workos")).sorted().toList();
        }
    }

    @Test
    void firstStdioRunRecordsTheArchiveAndLaterRunsUseIt() throws Exception {
        List<String> first = run();
        assertThat(first).hasSize(2);
        assertThat(first.get(0)).isEqualTo("-version");
        assertThat(first.get(1)).contains("-XX:ArchiveClassesAtExit=").endsWith("-jar " + jar);
        List<String> archives = files().stream().filter(n -> n.endsWith(".jsa")).toList();
        assertThat(archives).hasSize(1);
        // The recording went to a private name, which is gone: only the archive and the key are left.
        assertThat(files()).containsExactly(archives.get(0), ".workos-mcp-docs-server.key");

        List<String> second = run();
        // No "java -version" (nor any other program) to find the archive again: the key remembers it.
        assertThat(second).hasSize(1);
        assertThat(second.get(0)).contains("-XX:SharedArchiveFile=" + jar.getParent().resolve(archives.get(0)))
                .doesNotContain("ArchiveClassesAtExit").endsWith("-jar " + jar);
        assertThat(run("--version")).singleElement().asString().contains("-XX:SharedArchiveFile=")
                .endsWith("-jar " + jar + " --version");
    }

    @Test
    void commandsDoNotRecordAnArchive() throws Exception {
        assertThat(run("--help")).last().asString().doesNotContain("Archive").doesNotContain("SharedArchiveFile")
                .endsWith("-jar " + jar + " --help");
        assertThat(files()).noneMatch(n -> n.contains(".jsa"));
    }

    @Test
    void leftoversOfKilledRecordingsAreRemoved() throws Exception {
        run();
        String archive = files().stream().filter(n -> n.endsWith(".jsa")).findFirst().orElseThrow();
        // A recording whose launcher was killed: its JVM (pid long gone) wrote the archive under its private name.
        Path leftover = jar.getParent().resolve(archive + ".2147483000");
        Files.writeString(leftover, "half an archive");
        Path running = jar.getParent().resolve(archive + "." + ProcessHandle.current().pid());
        Files.writeString(running, "being written");
        run();
        assertThat(leftover).doesNotExist();
        assertThat(running).as("a process that is still running keeps its file").exists();
    }

    @Test
    void aNewBuildOfTheJarGetsANewArchiveAndTheOldOneGoes() throws Exception {
        run();
        String old = files().stream().filter(n -> n.endsWith(".jsa")).findFirst().orElseThrow();
        Files.writeString(jar, "a new build of the jar");
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(5)));
        List<String> calls = run();
        assertThat(calls.get(0)).isEqualTo("-version");
        assertThat(calls.get(1)).contains("-XX:ArchiveClassesAtExit=");
        assertThat(files()).doesNotContain(old).filteredOn(n -> n.endsWith(".jsa")).hasSize(1);
    }

    @Test
    void anotherJavaGetsItsOwnArchive() throws Exception {
        run();
        Path other = dir.resolve("other-java");
        Files.copy(java, other);
        Files.setPosixFilePermissions(other, PosixFilePermissions.fromString("rwxr-xr-x"));
        java = other;
        List<String> calls = run();
        assertThat(calls.get(0)).isEqualTo("-version");
        assertThat(calls.get(1)).contains("-XX:ArchiveClassesAtExit=");
        assertThat(files()).filteredOn(n -> n.endsWith(".jsa")).hasSize(2);
    }
}
