package com.workos.mcpdocs.mcp;

import static com.workos.mcpdocs.McpTestServer.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
                .contains("workos_search", "workos_docs", "workos_examples", "workos_changelogs", "workos_api");
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
        assertThat((Map<String, Object>) docs.inputSchema().get("properties"))
                .containsKeys("path", "language", "section", "maxLength", "startIndex");
        McpSchema.Tool api = tools.stream().filter(t -> t.name().equals("workos_api")).findFirst().orElseThrow();
        assertThat((List<String>) api.inputSchema().get("required")).containsExactly("name");
        assertThat(api.description()).contains("Prefer it over workos_search");
    }

    @Test
    void pagesAreResourcesOverStdioToo() throws Exception {
        // Pages join the resource list once the corpus has loaded (after the first call or two seconds).
        List<McpSchema.Resource> resources = List.of();
        for (int i = 0; i < 50 && resources.isEmpty(); i++) {
            resources = server.client().listResources().resources();
            if (resources.isEmpty()) {
                Thread.sleep(100);
            }
        }
        assertThat(resources).extracting(McpSchema.Resource::uri).contains("workos://docs/sso/redirect-uris");
        var read = server.client().readResource(new McpSchema.ReadResourceRequest("workos://docs/sso/redirect-uris"));
        assertThat(((McpSchema.TextResourceContents) read.contents().get(0)).text()).startsWith("# Redirect URIs");
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

    @Test
    void referencePageShowsTheHttpFormByDefaultAndNamesTheOtherLanguages() {
        String text = text(server.call("workos_docs", Map.of("path", "reference/authkit/user/create")));
        assertThat(text).contains("**`POST /user_management/users`**")
                .contains("| `password_hash_type` | `string` | no | The algorithm originally used to hash the password. |")
                .contains("Languages: **curl** (shown), js; pass `language` to switch.")
                .doesNotContain("userManagement.createUser()").doesNotContain("(user.email)").doesNotContain("<CodeBlock");
    }

    @Test
    void languageSelectsOneSdkAndAcceptsItsOtherNames() {
        String text = text(server.call("workos_docs", Map.of("path", "reference/authkit/user/create", "language", "Node")));
        assertThat(text).contains("Node.js: **`userManagement.createUser()`**")
                .contains("| `options.passwordHashType` | `string` | no |")
                .doesNotContain("POST /user_management/users");
        CallToolResult unknown = server.call("workos_docs", Map.of("path", "reference/authkit/user/create",
                "language", "cobol"));
        assertThat(unknown.isError()).isTrue();
        assertThat(text(unknown)).contains("no API reference in 'cobol'").contains("Available languages: curl, js");
    }

    @Test
    void sectionByHeadingTextAnchorOrUrlFragment() {
        String byText = text(server.call("workos_docs", Map.of("path", "sso/redirect-uris", "section", "Wildcard characters")));
        assertThat(byText).startsWith("# Redirect URIs").contains("## Wildcard characters")
                .doesNotContain("## Introduction").contains("> **Note:** Redirect URIs in production");
        String byUrl = text(server.call("workos_docs",
                Map.of("path", "https://workos.com/docs/sso/redirect-uris.mdx#wildcard-characters")));
        assertThat(byUrl).contains("## Wildcard characters").doesNotContain("## Introduction");
        CallToolResult unknown = server.call("workos_docs", Map.of("path", "/sso/redirect-uris", "section", "nope"));
        assertThat(unknown.isError()).isTrue();
        assertThat(text(unknown)).contains("no section 'nope'").contains("- Wildcard characters (`wildcard-characters`)");
    }

    @Test
    void longAnswersComeInPartsThatEndWithTheNextCall() {
        String whole = text(server.call("workos_docs", Map.of("path", "sso/redirect-uris")));
        String first = text(server.call("workos_docs", Map.of("path", "sso/redirect-uris", "maxLength", 300)));
        assertThat(first).contains("[Characters 0-").contains(
                "Read the next part with: workos_docs {\"path\": \"sso/redirect-uris\", \"maxLength\": 300, \"startIndex\": ");
        int next = Integer.parseInt(first.replaceAll("(?s).*\"startIndex\": (\\d+)}.*", "$1"));
        String second = text(server.call("workos_docs", Map.of("path", "sso/redirect-uris", "maxLength", 300,
                "startIndex", next)));
        assertThat(first.substring(0, next) + second.substring(0, second.indexOf("\n\n---\n[Characters")))
                .isEqualTo(whole.substring(0, Math.min(whole.length(), next + second.indexOf("\n\n---\n[Characters"))));
        CallToolResult past = server.call("workos_docs", Map.of("path", "sso/redirect-uris", "startIndex", 999_999));
        assertThat(past.isError()).isTrue();
        assertThat(text(past)).contains("past the end");
        CallToolResult tooSmall = server.call("workos_docs", Map.of("path", "sso", "maxLength", 10));
        assertThat(tooSmall.isError()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"createUser", "create_user", "userManagement.createUser()", "POST /user_management/users",
            "/user_management/users", "CREATE-USER"})
    void apiFindsAnEntryByAnyOfItsNames(String name) {
        CallToolResult result = server.call("workos_api", Map.of("name", name));
        assertThat(result.isError()).isNotEqualTo(Boolean.TRUE);
        assertThat(text(result)).contains("# Create a user (`create_user`)")
                .contains("Page: `reference/authkit/user/create`")
                .contains("email` | `string` | yes").contains("Create a new user in the current environment.");
    }

    @Test
    void apiAnswersInTheLanguageTheNameIsWrittenInOrTheOneAskedFor() {
        assertThat(text(server.call("workos_api", Map.of("name", "userManagement.createUser()"))))
                .contains("Node.js: **`userManagement.createUser()`**");
        assertThat(text(server.call("workos_api", Map.of("name", "create_user"))))
                .contains("**`POST /user_management/users`**");
        assertThat(text(server.call("workos_api", Map.of("name", "createUser"))))
                .contains("Node.js: **`userManagement.createUser()`**");
        assertThat(text(server.call("workos_api", Map.of("name", "create_user", "language", "javascript"))))
                .contains("Node.js: **`userManagement.createUser()`**");
        CallToolResult noSuchLanguage = server.call("workos_api", Map.of("name", "create_user", "language", "ruby"));
        assertThat(noSuchLanguage.isError()).isTrue();
        assertThat(text(noSuchLanguage)).contains("Available languages: curl, js");
    }

    @Test
    void unknownApiNameIsAnErrorWithTheClosestNames() {
        CallToolResult result = server.call("workos_api", Map.of("name", "crateUsr"));
        assertThat(result.isError()).isTrue();
        assertThat(text(result)).contains("No API method, endpoint or object named 'crateUsr'").contains("- create_user");
        CallToolResult missing = server.call("workos_api", Map.of());
        assertThat(missing.isError()).isTrue();
        assertThat(text(missing)).contains("missing required argument 'name'");
    }

    @Test
    @SuppressWarnings("unchecked")
    void commonOtherArgumentNamesMeanTheirArgument() {
        String byUrl = text(server.call("workos_docs", Map.of("url", "https://workos.com/docs/sso/redirect-uris")));
        assertThat(byUrl).startsWith("# Redirect URIs");
        assertThat(text(server.call("workos_docs", Map.of("page", "sso/redirect-uris")))).startsWith("# Redirect URIs");
        CallToolResult limited = server.call("workos_search", Map.of("q", "redirect uri", "limit", 1));
        assertThat(limited.isError()).isNotEqualTo(Boolean.TRUE);
        assertThat((List<Object>) ((Map<String, Object>) limited.structuredContent()).get("results")).hasSize(1);
        assertThat(text(server.call("workos_changelogs", Map.of("pkg", "workos-platform", "maxResults", 1))))
                .contains("showing the newest 1");
        McpSchema.Tool docs = server.client().listTools().tools().stream()
                .filter(t -> t.name().equals("workos_docs")).findFirst().orElseThrow();
        assertThat(docs.description()).contains("Also accepted: 'url' or 'page' or 'slug' for 'path'");
    }

    @Test
    void unknownArgumentNamesAreRefusedWithTheAcceptedOnes() {
        Map<String, String> required = Map.of("workos_search", "query", "workos_docs", "path", "workos_examples",
                "example", "workos_changelogs", "package", "workos_api", "name");
        for (String tool : required.keySet()) {
            CallToolResult result = server.call(tool, Map.of(required.get(tool), "sso", "colour", "blue"));
            assertThat(result.isError()).as(tool).isTrue();
            assertThat(text(result)).as(tool).contains("unknown argument 'colour'; " + tool + " accepts '");
        }
        assertThat(text(server.call("workos_search", Map.of("query", "sso", "colour", "blue"))))
                .contains("accepts 'query', 'maxResults', 'section'.");
        CallToolResult twice = server.call("workos_docs", Map.of("path", "sso", "url", "authkit"));
        assertThat(twice.isError()).isTrue();
        assertThat(text(twice)).contains("both mean 'path'");
    }

    @Test
    void promptsRefuseUnknownArgumentNamesAndMapOtherNames() {
        var plan = server.client().getPrompt(new McpSchema.GetPromptRequest(DocsPrompts.INTEGRATION_PLAN,
                Map.of("feature", "SSO", "lang", "ruby")));
        assertThat(((McpSchema.TextContent) plan.messages().get(0).content()).text()).contains("(ruby)");
        assertThatThrownBy(() -> server.client().getPrompt(new McpSchema.GetPromptRequest(DocsPrompts.TROUBLESHOOT,
                Map.of("problem", "invalid redirect", "colour", "blue"))))
                .hasMessageContaining("unknown argument 'colour'").hasMessageContaining("accepts 'problem'");
    }

    @Test
    void aFolderWithAPageOfItsOwnListsAllItsPagesWithSlashStar() {
        String page = text(server.call("workos_docs", Map.of("path", "authkit")));
        String all = text(server.call("workos_docs", Map.of("path", "authkit/*")));
        assertThat(all).isNotEqualTo(page).startsWith("# authkit")
                .contains("- `authkit`: AuthKit").contains("- `authkit/sessions`: ");
        assertThat(text(server.call("workos_docs", Map.of("path", ""))))
                .contains("the list of all its pages with `workos_docs {\"path\": \"<path>/*\"}`");
        CallToolResult unknown = server.call("workos_docs", Map.of("path", "nope/*"));
        assertThat(unknown.isError()).isTrue();
        assertThat(text(unknown)).contains("No docs folder 'nope'");
    }

    @Test
    void examplesInALanguageTheyDoNotHaveNameTheLanguagesThereAre() {
        CallToolResult absent = server.call("workos_examples", Map.of("language", "ruby"));
        assertThat(absent.isError()).isTrue();
        assertThat(text(absent)).contains("No code examples in 'ruby'. Languages with examples: ")
                .contains("python").contains("js");
        assertThat(text(server.call("workos_examples", Map.of("language", "python")))).contains("| `sso` |");
        CallToolResult inGroup = server.call("workos_examples", Map.of("example", "sso", "language", "ruby"));
        assertThat(inGroup.isError()).isTrue();
        assertThat(text(inGroup)).contains("Languages here: js, python");
    }

    @Test
    void promptsPointOnlyAtExamplesAndLanguagesThatExist() {
        String ruby = promptText(Map.of("feature", "SSO", "language", "ruby"));
        assertThat(ruby).doesNotContain("workos_examples (language: ruby)")
                .contains("workos_examples has no ruby code (its languages: ");
        String python = promptText(Map.of("feature", "SSO", "language", "python"));
        assertThat(python).contains("workos_examples (language: python)");
        var completion = server.client().completeCompletion(new McpSchema.CompleteRequest(
                new McpSchema.PromptReference(DocsPrompts.INTEGRATION_PLAN),
                new McpSchema.CompleteRequest.CompleteArgument("language", "")));
        assertThat(completion.completion().values()).contains("curl", "js", "python").doesNotContain("elixir");
    }

    private static String promptText(Map<String, Object> arguments) {
        var prompt = server.client().getPrompt(new McpSchema.GetPromptRequest(DocsPrompts.INTEGRATION_PLAN, arguments));
        return ((McpSchema.TextContent) prompt.messages().get(0).content()).text();
    }
}
