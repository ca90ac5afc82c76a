package com.workos.mcpdocs.mcp;

import static com.workos.mcpdocs.McpTestServer.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.workos.mcpdocs.RealCorpus;
import com.workos.mcpdocs.McpTestServer;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The tools over the real WorkOS corpus, through the SDK's stdio client, where the fixture is too small to tell. */
class RealCorpusToolsTest {

    private static final Pattern SHOWN = Pattern.compile("\\*\\*(\\w+)\\*\\* \\(shown\\)");

    static McpTestServer server;

    @BeforeAll
    static void start() throws Exception {
        RealCorpus.assumePresent();
        server = McpTestServer.embedded();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static String call(String tool, Map<String, Object> args) {
        return text(server.call(tool, args));
    }

    /** The languages an answer shows, one per entry. */
    private static List<String> shown(String answer) {
        Matcher m = SHOWN.matcher(answer);
        List<String> languages = new java.util.ArrayList<>();
        while (m.find()) {
            languages.add(m.group(1));
        }
        return languages;
    }

    @Test
    void apiAnswersInTheLanguageTheNameIsWrittenIn() {
        assertThat(shown(call("workos_api", Map.of("name", "generateLink")))).containsExactly("js");
        assertThat(shown(call("workos_api", Map.of("name", "getProfileAndToken")))).containsExactly("js");
        assertThat(shown(call("workos_api", Map.of("name", "get_profile_and_token")))).containsExactly("curl");
        assertThat(shown(call("workos_api", Map.of("name", "POST /user_management/users")))).containsExactly("curl");
        assertThat(shown(call("workos_api", Map.of("name", "GetProfileAndToken")))).doesNotContain("curl", "js");
    }

    @Test
    void oneApiAnswerIsInOneLanguageWithOneTitle() {
        for (String name : List.of("User", "user", "Organization", "generateLink", "listUsers")) {
            String answer = call("workos_api", Map.of("name", name));
            assertThat(shown(answer).stream().distinct().count()).as(name).isLessThanOrEqualTo(1);
            assertThat(answer.lines().filter(l -> l.startsWith("# "))).as(name).hasSize(1);
        }
    }

    @Test
    void everyCallAPageOrListingPointsAtLeadsSomewhereElse() {
        String overview = call("workos_docs", Map.of("path", ""));
        List<String> areas = Pattern.compile("\\| `([a-z0-9/-]+)` \\|").matcher(overview).results()
                .map(m -> m.group(1)).toList();
        assertThat(areas).hasSizeGreaterThan(10).contains("authkit", "reference");
        Pattern docsCall = Pattern.compile("workos_docs \\{\"path\": \"([^\"<]+)\"}");
        int followed = 0;
        for (String area : areas) {
            String page = call("workos_docs", Map.of("path", area));
            Matcher calls = docsCall.matcher(page);
            while (calls.find()) {
                String target = calls.group(1);
                String answer = call("workos_docs", Map.of("path", target));
                assertThat(answer).as(area + " -> " + target).isNotEqualTo(page).doesNotStartWith("No page");
                if (target.endsWith("/*")) {
                    String folder = target.substring(0, target.length() - 2);
                    long listed = answer.lines().filter(l -> l.startsWith("- `" + folder + "/")).count();
                    assertThat(answer).as(target).contains("pages under it");
                    assertThat(listed).as(target).isGreaterThan(12);
                }
                followed++;
            }
        }
        assertThat(followed).isPositive();
    }

    @Test
    void anIntegrationPlanListsEachRelatedPageOnceAndNoExamplesThatDoNotExist() {
        var prompt = server.client().getPrompt(new io.modelcontextprotocol.spec.McpSchema.GetPromptRequest(
                DocsPrompts.INTEGRATION_PLAN, Map.of("feature", "SSO", "language", "python")));
        String text = ((io.modelcontextprotocol.spec.McpSchema.TextContent) prompt.messages().get(0).content()).text();
        List<String> pages = text.lines().filter(l -> l.startsWith("- ")).map(l -> l.split(" ")[1]).toList();
        assertThat(pages).hasSize(5).doesNotHaveDuplicates();
        assertThat(text).doesNotContain("workos_examples (language: python)");
        var examples = server.call("workos_examples", Map.of("language", "ruby"));
        assertThat(text(examples)).contains("Languages with examples: ").doesNotContain("Closest matches")
                .doesNotContain("plaintext");
    }
}
