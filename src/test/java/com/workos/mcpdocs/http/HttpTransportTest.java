package com.workos.mcpdocs.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The whole MCP surface over Streamable HTTP, through the SDK's own HTTP client. */
class HttpTransportTest {

    static HttpTestServer server;
    static McpSyncClient client;

    @BeforeAll
    static void start() throws Exception {
        server = new HttpTestServer(HttpOptions.loopback(0));
        client = server.client(null);
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    @Test
    void initializeAnnouncesToolsResourcesPromptsCompletionsAndLogging() {
        McpSchema.InitializeResult init = client.initialize();
        assertThat(init.serverInfo().name()).isEqualTo("workos-mcp-docs-server");
        assertThat(init.capabilities().tools()).isNotNull();
        assertThat(init.capabilities().resources()).isNotNull();
        assertThat(init.capabilities().prompts()).isNotNull();
        assertThat(init.capabilities().completions()).isNotNull();
        assertThat(init.capabilities().logging()).isNotNull();
        assertThat(init.protocolVersion()).isIn("2025-06-18", "2025-11-25");
    }

    @Test
    void searchAndDocsAnswerOverHttp() {
        McpSchema.CallToolResult search = client.callTool(new McpSchema.CallToolRequest("workos_search",
                Map.of("query", "redirect uri")));
        assertThat(search.isError()).isNotEqualTo(Boolean.TRUE);
        assertThat(text(search)).contains("sso/redirect-uris");
        McpSchema.CallToolResult docs = client.callTool(new McpSchema.CallToolRequest("workos_docs",
                Map.of("path", "sso/redirect-uris")));
        assertThat(docs.isError()).isNotEqualTo(Boolean.TRUE);
        assertThat(text(docs)).doesNotStartWith("---");
    }

    @Test
    void invalidArgumentsComeBackAsToolErrorsThatSayWhatToSend() {
        McpSchema.CallToolResult tooLong = client.callTool(new McpSchema.CallToolRequest("workos_search",
                Map.of("query", "x".repeat(1_001))));
        assertThat(tooLong.isError()).isTrue();
        assertThat(text(tooLong)).contains("limit");
        McpSchema.CallToolResult wrongType = client.callTool(new McpSchema.CallToolRequest("workos_docs",
                Map.of("path", 42)));
        assertThat(wrongType.isError()).isTrue();
        assertThat(text(wrongType)).contains("must be a string");
    }

    @Test
    void argumentNamesAreCheckedOverHttpToo() {
        McpSchema.CallToolResult unknown = client.callTool(new McpSchema.CallToolRequest("workos_search",
                Map.of("query", "sso", "top", 3)));
        assertThat(unknown.isError()).isTrue();
        assertThat(text(unknown)).contains("unknown argument 'top'").contains("accepts 'query', 'maxResults'");
        McpSchema.CallToolResult mapped = client.callTool(new McpSchema.CallToolRequest("workos_docs",
                Map.of("url", "sso/redirect-uris")));
        assertThat(text(mapped)).startsWith("# Redirect URIs");
    }

    @Test
    void pagesAreResourcesReadableAsMarkdown() {
        McpSchema.ListResourcesResult list = client.listResources();
        assertThat(list.resources()).extracting(McpSchema.Resource::uri)
                .contains("workos://docs/sso/redirect-uris");
        assertThat(list.resources()).allSatisfy(r -> assertThat(r.mimeType()).isEqualTo("text/markdown"));
        McpSchema.ReadResourceResult read = client.readResource(
                new McpSchema.ReadResourceRequest("workos://docs/sso/redirect-uris"));
        McpSchema.TextResourceContents contents = (McpSchema.TextResourceContents) read.contents().get(0);
        assertThat(contents.mimeType()).isEqualTo("text/markdown");
        assertThat(contents.text()).contains("#");
        assertThat(client.listResourceTemplates().resourceTemplates())
                .extracting(McpSchema.ResourceTemplate::uriTemplate).containsExactly("workos://docs/{path}");
    }

    @Test
    void anUnknownCursorIsAnInvalidParamsError() {
        assertThatThrownBy(() -> client.listResources("not-a-cursor"))
                .isInstanceOf(McpError.class).hasMessageContaining("cursor");
    }

    @Test
    void thePathOfThePageTemplateCompletes() {
        McpSchema.CompleteResult result = client.completeCompletion(new McpSchema.CompleteRequest(
                new McpSchema.ResourceReference("workos://docs/{path}"),
                new McpSchema.CompleteRequest.CompleteArgument("path", "sso/")));
        assertThat(result.completion().values()).contains("sso/redirect-uris")
                .allSatisfy(v -> assertThat(v).contains("sso/"));
    }

    @Test
    void promptsListAndFillInWithRelatedPages() {
        assertThat(client.listPrompts().prompts()).extracting(McpSchema.Prompt::name)
                .contains("workos_integration_plan", "workos_troubleshoot");
        McpSchema.GetPromptResult plan = client.getPrompt(new McpSchema.GetPromptRequest("workos_integration_plan",
                Map.of("feature", "SSO redirect URI", "language", "python", "framework", "Django")));
        String text = ((McpSchema.TextContent) plan.messages().get(0).content()).text();
        assertThat(text).contains("python with Django").contains("sso/redirect-uris");
        assertThatThrownBy(() -> client.getPrompt(new McpSchema.GetPromptRequest("workos_integration_plan",
                Map.of()))).isInstanceOf(McpError.class).hasMessageContaining("feature");
    }

    @Test
    void pingAndLoggingLevelAreAccepted() {
        client.ping();
        client.setLoggingLevel(McpSchema.LoggingLevel.WARNING);
    }

    @Test
    void healthzAnswersOk() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(server.server.baseUrl() + "/healthz")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("ok");
    }

    static String text(McpSchema.CallToolResult result) {
        return result.content().stream().filter(c -> c instanceof McpSchema.TextContent)
                .map(c -> ((McpSchema.TextContent) c).text()).reduce("", (a, b) -> a + b);
    }
}
