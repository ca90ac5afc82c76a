package com.workos.mcpdocs.mcp;

import static com.workos.mcpdocs.McpTestServer.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.workos.mcpdocs.McpTestServer;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The tools as an MCP client sees them: the SDK's stdio client against the server in a child JVM. */
class McpToolsTest {

    static McpTestServer server;

    @BeforeAll
    static void start() {
        server = McpTestServer.fixture();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void serverIntroducesItselfWithNameVersionAndInstructions() {
        McpSchema.InitializeResult init = server.initializeResult();
        assertThat(init.serverInfo().name()).isEqualTo("workos-mcp-docs-server");
        assertThat(init.serverInfo().version()).isNotBlank();
        assertThat(init.instructions()).contains("workos_search").contains("Corpus: folder ");
    }

    @Test
    @SuppressWarnings("unchecked")
    void listsTheFourToolsWithReadOnlyAnnotationsAndSchemas() {
        List<McpSchema.Tool> tools = server.client().listTools().tools();
        assertThat(tools).extracting(McpSchema.Tool::name)
                .contains("workos_search", "workos_docs", "workos_examples", "workos_changelogs");
        assertThat(tools).allSatisfy(tool -> {
            assertThat(tool.annotations().readOnlyHint()).isTrue();
            assertThat(tool.annotations().openWorldHint()).isFalse();
            assertThat(tool.description()).isNotBlank();
        });
        McpSchema.Tool search = tools.stream().filter(t -> t.name().equals("workos_search")).findFirst().orElseThrow();
        assertThat((List<String>) search.inputSchema().get("required")).containsExactly("query");
        assertThat(search.outputSchema()).containsKey("properties");
        McpSchema.Tool docs = tools.stream().filter(t -> t.name().equals("workos_docs")).findFirst().orElseThrow();
        assertThat((List<String>) docs.inputSchema().get("required")).containsExactly("path");
    }

    @Test
    void docsReturnsMarkdownWithoutFrontmatterAndWithNavigation() {
        CallToolResult result = server.call("workos_docs", Map.of("path", "sso/redirect-uris"));
        String text = text(result);
        assertThat(result.isError()).isNotEqualTo(Boolean.TRUE);
        assertThat(text).startsWith("# Redirect URIs\n")
                .contains("> Learn what a redirect URI is")
                .contains("## Wildcard characters")
                .doesNotContain("description: >-")
                .doesNotContain("\n---\ntitle:")
                .contains("Parent: Single Sign-On (`sso`)");
    }

    @Test
    void docsOfAFolderIndexShowsChildren() {
        String text = text(server.call("workos_docs", Map.of("path", "authkit")));
        assertThat(text).startsWith("# AuthKit").contains("Children in `authkit/`: sessions");
    }

    @Test
    void emptyPathListsTheSectionsWithPageCounts() {
        String text = text(server.call("workos_docs", Map.of("path", "")));
        assertThat(text).contains("| Single Sign-On | `sso` | 2 |").contains("`authkit` | 2 |");
    }

    @Test
    void folderWithoutIndexListsItsPages() {
        String text = text(server.call("workos_docs", Map.of("path", "reference/authkit")));
        assertThat(text).contains("`reference/authkit/user/create`: Create a user");
    }

    @Test
    void unknownPathIsAnErrorWithTheClosestPaths() {
        CallToolResult result = server.call("workos_docs", Map.of("path", "sso/redirect-uri"));
        assertThat(result.isError()).isTrue();
        assertThat(text(result)).contains("No page at 'sso/redirect-uri'").contains("- sso/redirect-uris");
    }

    @ParameterizedTest
    @ValueSource(strings = {"../../README", "../../../pom.xml", "/etc/passwd", "..\\..\\pom.xml",
            "sso/../../../../pom.xml", "%2e%2e/%2e%2e/pom.xml", "file:///etc/passwd"})
    void traversalAttemptsNeverReadOutsideTheCorpus(String path) {
        CallToolResult result = server.call("workos_docs", Map.of("path", path));
        assertThat(result.isError()).isTrue();
        assertThat(text(result)).doesNotContain("<modelVersion>").doesNotContain("root:x:0:0");
    }

    @Test
    void wrongArgumentTypesGetAClearError() {
        CallToolResult result = server.call("workos_docs", Map.of("path", 42));
        assertThat(result.isError()).isTrue();
        assertThat(text(result)).contains("'path' must be a string");
        CallToolResult bounded = server.call("workos_search", Map.of("query", "sso", "maxResults", 500));
        assertThat(bounded.isError()).isTrue();
        assertThat(text(bounded)).contains("between 1 and 50");
        CallToolResult missing = server.call("workos_search", Map.of());
        assertThat(missing.isError()).isTrue();
        assertThat(text(missing)).contains("missing required argument 'query'");
    }

    @Test
    @SuppressWarnings("unchecked")
    void searchRanksPagesAndReturnsStructuredContent() {
        CallToolResult result = server.call("workos_search", Map.of("query", "wildcard redirect uri", "maxResults", 3));
        assertThat(result.isError()).isNotEqualTo(Boolean.TRUE);
        assertThat(text(result)).contains("sso/redirect-uris").contains("**wildcard**");
        Map<String, Object> structured = (Map<String, Object>) result.structuredContent();
        List<Map<String, Object>> results = (List<Map<String, Object>>) structured.get("results");
        assertThat(results).isNotEmpty().hasSizeLessThanOrEqualTo(3);
        assertThat(results.get(0)).containsEntry("path", "sso/redirect-uris").containsKeys("title", "snippet", "score");
    }

    @Test
    void searchAnswersNaturalLanguageQuestions() {
        String text = text(server.call("workos_search", Map.of("query", "how long does an access token last?")));
        assertThat(text).contains("authkit/sessions");
    }

    @Test
    void structuredSearchResultsConformToTheDeclaredOutputSchema() {
        // The server does not validate its own output at run time (see OwnOutputValidator); this test does.
        McpSchema.Tool search = server.client().listTools().tools().stream()
                .filter(t -> t.name().equals("workos_search")).findFirst().orElseThrow();
        var validator = io.modelcontextprotocol.json.McpJsonDefaults.getSchemaValidator();
        for (String query : List.of("wildcard redirect uri", "zzqx blorf", "create_user")) {
            CallToolResult result = server.call("workos_search", Map.of("query", query));
            var response = validator.validate(search.outputSchema(), result.structuredContent());
            assertThat(response.valid()).as(query + ": " + response.errorMessage()).isTrue();
        }
    }

    @Test
    void searchWithNoMatchIsANormalAnswer() {
        CallToolResult result = server.call("workos_search", Map.of("query", "zzqx blorf"));
        assertThat(result.isError()).isNotEqualTo(Boolean.TRUE);
        assertThat(text(result)).contains("No results");
    }

    @Test
    @SuppressWarnings("unchecked")
    void searchNamesTheSectionAndTheCallThatReadsIt() {
        CallToolResult result = server.call("workos_search", Map.of("query", "wildcard subdomains", "maxResults", 1));
        assertThat(text(result)).contains("> Wildcard characters")
                .contains("workos_docs {\"path\": \"sso/redirect-uris\", \"section\": \"wildcard-characters\"}");
        Map<String, Object> first = ((List<Map<String, Object>>) ((Map<String, Object>) result.structuredContent())
                .get("results")).get(0);
        assertThat(first).containsEntry("anchor", "wildcard-characters")
                .containsEntry("url", "https://workos.com/docs/sso/redirect-uris#wildcard-characters");
    }

    @Test
    void searchSectionFilterAndItsErrors() {
        String text = text(server.call("workos_search", Map.of("query", "user", "section", "reference/authkit")));
        assertThat(text).contains("reference/authkit/user/create").doesNotContain("`authkit/sessions`");
        CallToolResult unknown = server.call("workos_search", Map.of("query", "user", "section", "ssso"));
        assertThat(unknown.isError()).isTrue();
        assertThat(text(unknown)).contains("No docs section 'ssso'").contains("- sso");
    }

    @Test
    void searchWithoutResultsSuggestsOtherQueries() {
        CallToolResult result = server.call("workos_search", Map.of("query", "wildcrd zzqxv", "section", "authkit"));
        assertThat(result.isError()).isNotEqualTo(Boolean.TRUE);
        assertThat(text(result)).contains("No results").contains("Try instead:");
    }

    @Test
    void changelogsListPackagesThenEntriesNewestFirst() {
        String list = text(server.call("workos_changelogs", Map.of()));
        assertThat(list).contains("| `workos-platform` | 3 | 2026-02-17 |").contains("`authkit-js`");
        String entries = text(server.call("workos_changelogs", Map.of("package", "workos-platform", "limit", 2)));
        assertThat(entries.indexOf("Fine-Grained Authorization")).isLessThan(entries.indexOf("Middle Feature"));
        assertThat(entries).doesNotContain("Older Feature");
        String since = text(server.call("workos_changelogs", Map.of("package", "workos-platform", "since", "2025-06-01")));
        assertThat(since).contains("Middle Feature").doesNotContain("Older Feature");
    }

    @Test
    void unknownChangelogPackageIsAnErrorListingTheAvailableOnes() {
        CallToolResult result = server.call("workos_changelogs", Map.of("package", "nope"));
        assertThat(result.isError()).isTrue();
        assertThat(text(result)).contains("authkit-js").contains("workos-platform");
        CallToolResult badDate = server.call("workos_changelogs", Map.of("package", "workos-platform", "since", "June"));
        assertThat(badDate.isError()).isTrue();
        assertThat(text(badDate)).contains("ISO date");
    }

    @Test
    void examplesComeFromTheDocsCodeBlocks() {
        String groups = text(server.call("workos_examples", Map.of()));
        assertThat(groups).contains("| `sso` | 2 | js, python |");
        String sso = text(server.call("workos_examples", Map.of("example", "sso", "language", "python")));
        assertThat(sso).contains("get_authorization_url").contains("From `sso`").doesNotContain("getAuthorizationUrl");
        CallToolResult unknown = server.call("workos_examples", Map.of("example", "ssso"));
        assertThat(unknown.isError()).isTrue();
        assertThat(text(unknown)).contains("sso");
    }
}
