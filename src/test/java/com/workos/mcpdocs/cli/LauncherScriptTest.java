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
        // Logs each call on one line; "-version" answers as a JDK 17 would; a recording run reads stdin to its end,
        // as the server does, then writes the archive it was asked for.
        java = fakeJava("java", "17.0.15");
    }

    /**
     * A stand-in java of the given version: logs each call on one line; answers "-version"; a recording run reads
     * stdin to its end, as the server does, then writes the archive or AOT configuration it was asked for; an AOT
     * cache assembly writes the cache.
     */
    private Path fakeJava(String name, String version) throws IOException {
        Path fake = dir.resolve(name);
        Files.writeString(fake, """
                #!/bin/sh
                echo "$*" >> "%s"
                if [ "$1" = "-version" ]; then echo 'openjdk version "%s" 2025-04-15' >&2; exit 0; fi
                mode=
                for arg in "$@"; do
                  case $arg in
                    -XX:AOTMode=*) mode=${arg#*=} ;;
                    -XX:ArchiveClassesAtExit=*) cat > /dev/null; echo archive > "${arg#*=}" ;;
                    -XX:AOTConfiguration=*) [ "$mode" = record ] && { cat > /dev/null; echo conf > "${arg#*=}"; } ;;
                    -XX:AOTCache=*) [ "$mode" = create ] && echo cache > "${arg#*=}" ;;
                  esac
                done
                exit 0
                """.formatted(log, version));
        Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwxr-xr-x"));
        return fake;
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
    void onJdk25TheFirstRunRecordsTheSecondAssemblesAnAotCacheAndLaterRunsUseIt() throws Exception {
        java = fakeJava("java25", "25.0.1");
        List<String> first = run();
        assertThat(first.get(1)).contains("-XX:AOTMode=record").contains("-XX:AOTConfiguration=")
                .contains("--enable-native-access=ALL-UNNAMED").contains("-Xlog:aot=error:stderr");
        assertThat(files()).filteredOn(n -> n.endsWith(".aotconf")).hasSize(1);

        // The cache is assembled in the background (the stand-in writes it only with -XX:AOTMode=create) while this
        // run serves without it.
        assertThat(run()).anyMatch(call -> call.endsWith("-jar " + jar) && !call.contains("-XX:AOT"));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (files().stream().noneMatch(n -> n.endsWith(".aot")) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(files()).filteredOn(n -> n.endsWith(".aot")).hasSize(1);
        while (files().stream().anyMatch(n -> n.endsWith(".aotconf")) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(files()).noneMatch(n -> n.contains(".aot.") || n.endsWith(".aotconf"));

        assertThat(run()).singleElement().asString().contains("-XX:AOTCache=").doesNotContain("AOTMode");
    }

    @Test
    void anotherJavaGetsItsOwnArchive() throws Exception {
        run();
        java = fakeJava("other-java", "17.0.15");
        List<String> calls = run();
        assertThat(calls.get(0)).isEqualTo("-version");
        assertThat(calls.get(1)).contains("-XX:ArchiveClassesAtExit=");
        assertThat(files()).filteredOn(n -> n.endsWith(".jsa")).hasSize(2);
    }
}
