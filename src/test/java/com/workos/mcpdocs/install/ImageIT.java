package com.workos.mcpdocs.install;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The self-contained image as a user gets it: the .tar.gz unpacked into a folder of their own (not where it was
 * built), its launcher linked onto a PATH with no java on it, run from elsewhere without HOME.
 */
class ImageIT {

    @TempDir
    Path dir;

    private Path unpack() throws Exception {
        Path tarball = Dist.require("self-contained image", name -> name.startsWith("workos-mcp-docs-server-")
                && name.endsWith(".tar.gz"));
        Path into = Files.createDirectories(dir.resolve("opt"));
        Dist.Run untar = Dist.run(List.of("tar", "-xzf", tarball.toString(), "-C", into.toString()),
                Map.of("PATH", System.getenv("PATH")), dir);
        assertThat(untar.code()).as(untar.err()).isZero();
        try (Stream<Path> unpacked = Files.list(into)) {
            return unpacked.findFirst().orElseThrow();
        }
    }

    @Test
    void theUnpackedImageServesMcpWithNoJavaOnThePath() throws Exception {
        Path image = unpack();
        Path bin = Dist.pathWith(dir.resolve("bin"), "readlink");
        Files.createSymbolicLink(bin.resolve("workos-mcp-docs-server"), image.resolve("bin/workos-mcp-docs-server"));
        Dist.answersOverStdio(List.of(bin.resolve("workos-mcp-docs-server").toString()),
                Map.of("PATH", bin.toString(), "JAVA_HOME", ""));
    }

    @Test
    void itRunsWithoutHomeFromAnyFolderWithTheCacheMadeWhenItWasBuiltAndWritesNothing() throws Exception {
        Path image = unpack();
        Path bin = Dist.pathWith(dir.resolve("bin"), "readlink");
        Files.createSymbolicLink(bin.resolve("workos-mcp-docs-server"), image.resolve("bin/workos-mcp-docs-server"));
        List<String> before;
        try (Stream<Path> files = Files.walk(image)) {
            before = files.map(Path::toString).sorted().toList();
        }
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        Map<String, String> env = Map.of("PATH", bin.toString(), "WORKOS_DOCS_DATA_DIR", dir.resolve("data")
                .toString());
        Path launcher = bin.resolve("workos-mcp-docs-server");
        Dist.Run doctor = Dist.run(List.of(launcher.toString(), "doctor"), env, elsewhere);
        // Nothing the runtime lacks is missed: the JVM reports no problem, Lucene finds the JVM's settings (through
        // jdk.management, which jdeps cannot see).
        assertThat(doctor.err()).doesNotContain("[warning]").doesNotContain("[error").doesNotContain("cannot");
        assertThat(doctor.out()).as(doctor.err()).contains("Java:    ")
                .contains("Jar:     " + image.toRealPath().resolve("lib/workos-mcp-docs-server.jar"));
        // The cache made when the image was built serves here too (a runtime older than JDK 25 gets none).
        Path cache = image.toRealPath().resolve("lib/workos-mcp-docs-server.aot");
        assertThat(doctor.out()).contains(Files.exists(cache) ? "Start:   AOT cache " + cache + " (in use)"
                : "Start:   no archive");

        // What an MCP client's configuration gets: the launcher, as valid JSON.
        Dist.Run config = Dist.run(List.of(launcher.toString(), "config", "cursor"), env,
                elsewhere);
        assertThat(config.code()).as(config.err()).isZero();
        JsonNode server = JsonMapper.builder().build().readTree(config.out()).at("/mcpServers/workos-docs");
        assertThat(server.get("command").asString()).isEqualTo(image.toRealPath()
                .resolve("bin/workos-mcp-docs-server").toString());

        try (Stream<Path> files = Files.walk(image)) {
            assertThat(files.map(Path::toString).sorted().toList()).isEqualTo(before);
        }
    }

    @Test
    void thePlainJarStillRuns() throws Exception {
        Path image = unpack();
        Path jar = image.resolve("lib/workos-mcp-docs-server.jar");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Dist.answersOverStdio(List.of(java, "-jar", jar.toString()), Map.of());
        Dist.Run config = Dist.run(List.of(java, "-jar", jar.toString(), "config", "vscode"),
                Map.of("PATH", System.getenv("PATH")), dir);
        JsonNode server = JsonMapper.builder().build().readTree(config.out()).at("/servers/workos-docs");
        assertThat(server.get("command").asString()).isEqualTo(java);
        assertThat(server.get("args").toString()).isEqualTo("[\"-jar\",\"" + jar.toRealPath() + "\"]");
    }
}
