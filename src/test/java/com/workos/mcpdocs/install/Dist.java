package com.workos.mcpdocs.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** What the dist build made in target/dist, and how the tests run it as a user would. */
final class Dist {

    static final Path DIR = Path.of("target", "dist").toAbsolutePath();

    private Dist() {
    }

    /** The file in target/dist whose name matches, or a skip with the reason the dist build gave for its absence. */
    static Path require(String what, java.util.function.Predicate<String> name) throws IOException {
        Optional<Path> found = Optional.empty();
        if (Files.isDirectory(DIR)) {
            try (Stream<Path> files = Files.list(DIR)) {
                found = files.filter(file -> name.test(file.getFileName().toString())).findFirst();
            }
        }
        if (found.isEmpty()) {
            Path skipped = DIR.resolve("skipped.txt");
            if (!Files.isRegularFile(skipped)) {
                fail("no " + what + " in " + DIR + " and no skipped.txt: the dist build (src/dist/BuildDist.java, "
                        + "run before the integration tests) did not run");
            }
            assumeTrue(false, "no " + what + ": " + Files.readString(skipped).strip());
        }
        return found.get();
    }

    static boolean embeddedCorpus() {
        return Files.isDirectory(Path.of("target", "classes", "corpus"));
    }

    /** A folder holding only links to the given programs of this machine's PATH: a PATH with nothing else on it. */
    static Path pathWith(Path dir, String... programs) throws IOException {
        Files.createDirectories(dir);
        for (String program : programs) {
            Path found = Stream.of(System.getenv("PATH").split(File.pathSeparator))
                    .map(folder -> Path.of(folder, program)).filter(Files::isExecutable).findFirst()
                    .orElseThrow(() -> new IllegalStateException(program + " is not on the PATH"));
            Files.createSymbolicLink(dir.resolve(program), found.toRealPath());
        }
        return dir;
    }

    /**
     * Starts {@code command} as an MCP client does (the SDK's stdio client) with {@code env} added to this process's
     * environment, and checks it answers initialize, tools/list and a workos_search call. Returns the search's text.
     */
    static String answersOverStdio(List<String> command, Map<String, String> env) {
        ServerParameters params = ServerParameters.builder(command.get(0)).args(command.subList(1, command.size()))
                .env(env).build();
        StdioClientTransport transport = new StdioClientTransport(params, McpJsonDefaults.getMapper());
        List<String> stderr = Collections.synchronizedList(new ArrayList<>());
        transport.setStdErrorHandler(stderr::add);
        McpSyncClient client = McpClient.sync(transport).requestTimeout(Duration.ofSeconds(60))
                .initializationTimeout(Duration.ofSeconds(60)).build();
        try {
            McpSchema.InitializeResult init = client.initialize();
            assertThat(init.serverInfo().name()).as(String.join("\n", stderr)).contains("workos");
            assertThat(client.listTools().tools()).extracting(McpSchema.Tool::name).contains("workos_search",
                    "workos_docs");
            McpSchema.CallToolResult result = client.callTool(new McpSchema.CallToolRequest("workos_search",
                    Map.of("query", "sso")));
            String text = ((McpSchema.TextContent) result.content().get(0)).text();
            if (embeddedCorpus()) {
                assertThat(result.isError()).as(text).isNotEqualTo(Boolean.TRUE);
                assertThat(text).contains("sso/");
            }
            return text;
        } finally {
            client.closeGracefully();
        }
    }

    record Run(int code, String out, String err) {
    }

    /** Runs a command to its end with {@code env} as its whole environment, in {@code cwd}. */
    static Run run(List<String> command, Map<String, String> env, Path cwd) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(cwd.toFile());
        builder.environment().clear();
        builder.environment().putAll(env);
        Path err = Files.createTempFile("dist-run", ".err");
        builder.redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail(command + " did not end");
        }
        String errors = Files.readString(err);
        Files.delete(err);
        return new Run(process.exitValue(), out, errors);
    }
}
