package com.workos.mcpdocs.attack;

import static org.assertj.core.api.Assertions.assertThat;

import com.workos.mcpdocs.App;
import com.workos.mcpdocs.McpTestServer;
import com.workos.mcpdocs.TestFiles;
import com.workos.mcpdocs.http.DocsHttpServer;
import com.workos.mcpdocs.http.HttpOptions;
import com.workos.mcpdocs.service.Services;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Path traversal probes against every place a path-like argument enters (the tools' {@code path}, {@code example},
 * {@code package}, {@code section}, and resource URIs), over stdio and over HTTP. A secret file sits right beside
 * the served corpus; no answer may contain it, nor any other file outside the corpus.
 */
class PathTraversalTest {

    static final String SECRET = "TOP-SECRET-" + UUID.randomUUID();
    /** Text that only files outside the corpus contain: the secret, /etc/passwd, the project's pom and logging setup. */
    static final List<String> OUTSIDE_MARKERS = List.of(SECRET, "root:x:0:0", "<modelVersion>",
            "org.slf4j.simpleLogger");

    @TempDir
    static Path root;
    static Path docs;
    static McpTestServer stdio;
    static DocsHttpServer http;
    static McpSyncClient httpClient;

    @BeforeAll
    static void start() throws Exception {
        docs = root.resolve("organized");
        Path fixture = McpTestServer.fixtureDir();
        TestFiles.copyTree(fixture, docs);
        Files.writeString(root.resolve("secret.txt"), SECRET);
        Files.writeString(root.resolve("secret.mdx"), "---\ntitle: " + SECRET + "\n---\n" + SECRET);
        Files.writeString(docs.resolve("secret.txt"), SECRET);
        stdio = McpTestServer.withDocs(docs);
        Services services = App.of(docs, null).services();
        http = DocsHttpServer.start(() -> services, HttpOptions.loopback(0));
        httpClient = McpClient.sync(HttpClientStreamableHttpTransport.builder(http.baseUrl())
                        .endpoint(DocsHttpServer.MCP_PATH).jsonMapper(McpJsonDefaults.getMapper()).build())
                .requestTimeout(Duration.ofSeconds(30)).build();
        httpClient.initialize();
    }

    @AfterAll
    static void stop() {
        httpClient.close();
        http.close();
        stdio.close();
    }

    static List<String> probes() {
        List<String> probes = new ArrayList<>(List.of(
                "../secret.txt", "../secret", "../../secret.txt", "../../../../../../../../etc/passwd",
                "/etc/passwd", "file:///etc/passwd", "/proc/self/environ", "..\\secret.txt",
                "..\\..\\..\\..\\etc\\passwd", "%2e%2e/secret.txt", "%2e%2e%2fsecret.txt", "%2E%2E%2Fsecret",
                "%252e%252e%252fsecret.txt", "..%2fsecret.txt", "..%5csecret.txt", "sso/../../secret.txt",
                "sso/%2e%2e/%2e%2e/secret.txt", "....//secret.txt", "..;/secret.txt", ".../secret.txt",
                "secret.txt\u0000.mdx", "sso/redirect-uris%00../../secret.txt", "%00../secret.txt",
                "\u2025/secret.txt", "\uFF0E\uFF0E/secret.txt", "\u2024\u2024/secret.txt", "..\u2215secret.txt",
                "..\uFF0Fsecret.txt", "%c0%ae%c0%ae/secret.txt", "%uff0e%uff0e/secret.txt",
                "C:\\Windows\\win.ini", "\\\\server\\share\\secret.txt", "~/secret.txt", "docs/../../secret.txt",
                "https://workos.com/docs/../../secret.txt", "https://workos.com/docs/%2e%2e/secret",
                "sso/redirect-uris/../../../pom.xml", "../../../pom.xml", "../README.md", "secret.txt", "secret",
                "jar:file:../secret.txt!/", "classpath:/simplelogger.properties", "simplelogger.properties",
                "/simplelogger", "corpus/../secret.txt", "./../secret.txt", "sso/./../../secret.txt",
                "\u202e../secret.txt", "..\u200b/secret.txt"));
        probes.add("../".repeat(200) + "etc/passwd");
        probes.add("a/".repeat(300) + "secret");
        probes.add("x".repeat(10_000));
        return probes;
    }

    @Test
    void noProbeLeaksAFileOutsideTheCorpusOverStdioOrHttp() {
        List<String> probes = probes();
        assertThat(probes).hasSizeGreaterThanOrEqualTo(30);
        List<String> leaks = new ArrayList<>();
        int answers = 0;
        for (String probe : probes) {
            for (Map.Entry<String, Map<String, Object>> call : List.of(
                    Map.entry("workos_docs", Map.<String, Object>of("path", probe)),
                    Map.entry("workos_examples", Map.<String, Object>of("example", probe)),
                    Map.entry("workos_changelogs", Map.<String, Object>of("package", probe)),
                    Map.entry("workos_search", Map.<String, Object>of("query", "secret", "section", probe)))) {
                McpSchema.CallToolRequest request = new McpSchema.CallToolRequest(call.getKey(), call.getValue());
                answers += check("stdio " + call.getKey(), probe, toolText(stdio.client(), request), leaks);
                answers += check("http " + call.getKey(), probe, toolText(httpClient, request), leaks);
            }
            for (String uri : List.of("workos://docs/" + probe, "workos://changelogs/" + probe, probe)) {
                answers += check("stdio resource", probe, resourceText(stdio.client(), uri), leaks);
                answers += check("http resource", probe, resourceText(httpClient, uri), leaks);
            }
        }
        System.out.println("path traversal: " + probes.size() + " probes, " + answers + " answers, "
                + leaks.size() + " leaks");
        assertThat(leaks).as("answers containing content from outside the corpus").isEmpty();
        // Both servers are still up and still serve real pages.
        assertThat(toolText(stdio.client(), new McpSchema.CallToolRequest("workos_docs",
                Map.of("path", "sso/redirect-uris")))).doesNotContain("No page");
        assertThat(resourceText(httpClient, "workos://docs/sso/redirect-uris")).doesNotContain("not found");
    }

    private static int check(String where, String probe, String answer, List<String> leaks) {
        assertThat(answer).as("%s answered nothing for %s", where, probe).isNotBlank();
        for (String marker : OUTSIDE_MARKERS) {
            if (answer.contains(marker)) {
                leaks.add(where + " " + probe.substring(0, Math.min(60, probe.length())) + " -> " + marker);
            }
        }
        return 1;
    }

    private static String toolText(McpSyncClient client, McpSchema.CallToolRequest request) {
        McpSchema.CallToolResult result = client.callTool(request);
        return result.content().stream().filter(c -> c instanceof McpSchema.TextContent)
                .map(c -> ((McpSchema.TextContent) c).text()).reduce("", String::concat)
                + (result.structuredContent() == null ? "" : result.structuredContent().toString());
    }

    /** The resource's text, or the error the server sent instead (which must not leak either). */
    private static String resourceText(McpSyncClient client, String uri) {
        try {
            return client.readResource(new McpSchema.ReadResourceRequest(uri)).contents().stream()
                    .map(c -> c instanceof McpSchema.TextResourceContents t ? t.text() : c.toString())
                    .reduce("", String::concat);
        } catch (McpError e) {
            return "error: " + e.getMessage() + " " + e.getJsonRpcError();
        }
    }

}
