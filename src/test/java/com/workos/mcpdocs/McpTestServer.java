package com.workos.mcpdocs;

import com.workos.mcpdocs.corpus.Corpus;
import com.workos.mcpdocs.corpus.CorpusInfo;
import com.workos.mcpdocs.library.CorpusLoader;
import com.workos.mcpdocs.source.ContentTree;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Starts the real server in a child JVM (the test classpath, the CLI's main class) and connects the MCP SDK's own
 * stdio client to it, as an MCP client application would.
 */
public final class McpTestServer implements AutoCloseable {

    private final McpSyncClient client;
    private final McpSchema.InitializeResult init;
    private final List<String> stderr = java.util.Collections.synchronizedList(new ArrayList<>());

    private McpTestServer(List<String> args) {
        List<String> command = new ArrayList<>(List.of("-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("java.class.path"), "com.workos.mcpdocs.cli.Main"));
        command.addAll(args);
        ServerParameters params = ServerParameters.builder(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString()).args(command).build();
        StdioClientTransport transport = new StdioClientTransport(params, McpJsonDefaults.getMapper());
        transport.setStdErrorHandler(stderr::add);
        client = McpClient.sync(transport)
                .requestTimeout(Duration.ofSeconds(60))
                .initializationTimeout(Duration.ofSeconds(60))
                .build();
        init = client.initialize();
    }

    /** A server over the hand-written fixture corpus. */
    public static McpTestServer fixture() {
        return new McpTestServer(List.of("--docs", fixtureDir().toString()));
    }

    /** A server over a corpus folder in the .docs/organized layout. */
    public static McpTestServer withDocs(Path docs) {
        return new McpTestServer(List.of("--docs", docs.toString()));
    }

    /** A server over the embedded corpus. */
    public static McpTestServer embedded() throws java.io.IOException {
        RealCorpus.assumePresent();
        // An empty data directory, so a corpus synced on this machine does not stand in for the embedded one.
        return new McpTestServer(List.of("--data-dir", Path.of("target", "no-synced-corpus").toAbsolutePath()
                .toString()));
    }

    /** The hand-written fixture corpus, loaded. */
    public static Corpus fixtureCorpus() throws java.io.IOException {
        return CorpusLoader.load(ContentTree.fromDirectory(fixtureDir()),
                new CorpusInfo("fixture", "test", "2026-01-01"));
    }

    public static Path fixtureDir() {
        return Path.of("src/test/resources/fixture").toAbsolutePath();
    }

    public McpSyncClient client() {
        return client;
    }

    public McpSchema.InitializeResult initializeResult() {
        return init;
    }

    public List<String> stderr() {
        return stderr;
    }

    public CallToolResult call(String tool, Map<String, Object> args) {
        return client.callTool(new McpSchema.CallToolRequest(tool, args));
    }

    /** The text content of a result, joined. */
    public static String text(CallToolResult result) {
        return result.content().stream()
                .filter(c -> c instanceof McpSchema.TextContent)
                .map(c -> ((McpSchema.TextContent) c).text())
                .collect(Collectors.joining("\n"));
    }

    @Override
    public void close() {
        client.closeGracefully();
    }
}
