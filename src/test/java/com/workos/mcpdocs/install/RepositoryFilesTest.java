package com.workos.mcpdocs.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** Files of the repository that a user runs or a registry reads, as they meet them on a fresh clone. */
class RepositoryFilesTest {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path dir;

    /** Nothing is published yet: server.json must not send an MCP registry's users to a package that is not there. */
    @Test
    void serverJsonAdvertisesNoPackageThatDoesNotExist() throws Exception {
        JsonNode server = JSON.readTree(Files.readString(Path.of("server.json")));
        assertThat(server.get("name").asString()).isNotBlank();
        assertThat(server.get("packages")).isEmpty();
    }

    /** On a clone alone (no benchmark client beside it), the latency script says what it needs instead of dying. */
    @Test
    void theLatencyScriptSaysWhatItNeedsOnAClone() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "needs a POSIX shell");
        Path clone = dir.resolve("clone");
        Files.createDirectories(clone.resolve("scripts"));
        Files.createDirectories(clone.resolve("target"));
        Files.copy(Path.of("scripts/bench-latency-vs-npm.sh"), clone.resolve("scripts/bench-latency-vs-npm.sh"));
        Files.copy(Path.of("scripts/bench-queries.jsonl"), clone.resolve("scripts/bench-queries.jsonl"));
        Files.writeString(clone.resolve("target/workos-mcp-docs-server.jar"), "a jar");
        Files.setPosixFilePermissions(clone.resolve("scripts/bench-latency-vs-npm.sh"),
                PosixFilePermissions.fromString("rwxr-xr-x"));
        Dist.Run run = Dist.run(List.of("/bin/sh", "scripts/bench-latency-vs-npm.sh"),
                Map.of("PATH", System.getenv("PATH")), clone);
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("needs:").contains("mcpbench.py").contains("BENCH=");
    }

    @Test
    void theLatencyScriptsOwnQueriesAreReadable() throws Exception {
        List<String> lines = Files.readAllLines(Path.of("scripts/bench-queries.jsonl"));
        assertThat(lines).hasSizeGreaterThan(20);
        for (String line : lines) {
            assertThat(JSON.readTree(line).get("query").asString()).isNotBlank();
        }
    }

    /** The search benchmark measures the search as the server runs it: with every JIT and heap flag of the launcher. */
    @Test
    void theSearchBenchmarkRunsWithTheLaunchersJvmFlags() throws Exception {
        String launcher = Files.readString(Path.of("bin/workos-mcp-docs-server"));
        String benchmark = Files.readString(Path.of("scripts/bench-search-jmh.sh"));
        java.util.regex.Matcher flag = java.util.regex.Pattern.compile("-X[X:]?[A-Za-z0-9=+:-]+|-Xs[a-z0-9]+")
                .matcher(launcher.substring(launcher.indexOf("exec \"$java\"")));
        int found = 0;
        while (flag.find()) {
            if (!flag.group().startsWith("-Xlog") && !flag.group().contains("PerfData")) {
                assertThat(benchmark).contains(flag.group());
                found++;
            }
        }
        assertThat(found).isGreaterThan(5);
    }
}
