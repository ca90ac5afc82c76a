package com.workos.mcpdocs.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.workos.mcpdocs.RealCorpus;
import com.workos.mcpdocs.corpus.CorpusInfo;
import com.workos.mcpdocs.library.CorpusLoader;
import com.workos.mcpdocs.source.ContentTree;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** A hit's snippet: the Markdown of its best sentence read as text, the query's words marked. */
class SnippetsTest {

    /**
     * {@code text} from its first sentence's start (past leading markup) as a snippet, each whole occurrence of
     * {@code words} marked as Lucene's offsets would mark it.
     */
    private static String snippet(String text, String... words) {
        List<Snippets.Match> matches = new ArrayList<>();
        for (int w = 0; w < words.length; w++) {
            Matcher m = Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(words[w]) + "(?![\\p{L}\\p{N}])",
                    Pattern.CASE_INSENSITIVE).matcher(text);
            while (m.find()) {
                matches.add(new Snippets.Match(m.start(), m.end(), w));
            }
        }
        matches.sort((a, b) -> Integer.compare(a.start(), b.start()));
        char[] chars = text.toCharArray();
        return Snippets.passage(chars, Snippets.sentence(chars, 0).start(), chars.length, matches);
    }

    @Test
    void aLinkReadsAsItsWordsAndAnImageGoes() {
        assertThat(snippet("Use the [light-dark](https://developer.mozilla.org/en-US/docs/Web/CSS/color_value/"
                + "light-dark) CSS function to target both themes.", "dark"))
                .isEqualTo("Use the light-**dark** CSS function to target both themes.");
        assertThat(snippet("One-time-use codes expire after 10 minutes. ![Dashboard showing how to enable Magic "
                + "Auth](https://images.workoscdn.com/images/78df.png?auto=format&fit=clip&q=80)", "codes"))
                .isEqualTo("One-time-use **codes** expire after 10 minutes.");
        assertThat(snippet("See [the `listUsers()` method (v2)](https://workos.com/docs/x_(y)) for more.", "method"))
                .isEqualTo("See the `listUsers()` **method** (v2) for more.");
        // Brackets that are no link stay.
        assertThat(snippet("Roles are a `string[]` or [none].")).isEqualTo("Roles are a `string[]` or [none].");
    }

    @Test
    void theSourcesEmphasisNeverMeetsOurMarks() {
        assertThat(snippet("**Note:** the **API key** is secret.", "note", "key"))
                .isEqualTo("**Note**: the API **key** is secret.");
        assertThat(snippet("Click __Save__, then _Enable action_ in *Settings*.", "save", "settings"))
                .isEqualTo("Click **Save**, then Enable action in **Settings**.");
        // Underscores inside words and anything in code are not emphasis.
        assertThat(snippet("The sso_required error uses the `sk_` prefix and `https://*.example.com`."))
                .isEqualTo("The sso_required error uses the `sk_` prefix and `https://*.example.com`.");
        // In Markdown, ** inside code is two asterisks: a word matched in code is left unmarked.
        assertThat(snippet("Accept POST requests with the `workos-signature` header and check the signature.",
                "signature")).isEqualTo("Accept POST requests with the `workos-signature` header and check the "
                + "**signature**.");
    }

    @Test
    void neighbouringMarkedWordsShareOneMark() {
        assertThat(snippet("Custom CSS applies to all AuthKit pages.", "custom", "css", "authkit"))
                .isEqualTo("**Custom CSS** applies to all **AuthKit** pages.");
        assertThat(snippet("Use **custom** [CSS](https://x.y/css) here.", "custom", "css"))
                .isEqualTo("Use **custom CSS** here.");
    }

    @Test
    void aLinesMarkupAndWhitespaceGo() {
        assertThat(snippet("## Rotate keys")).isEqualTo("Rotate keys");
        assertThat(snippet("- Rotate the key\n  - then the other")).isEqualTo("Rotate the key then the other");
        assertThat(snippet("> **Note:** rotate often.")).isEqualTo("Note: rotate often.");
        assertThat(snippet("2024 was the year. 1.5 seconds.")).isEqualTo("2024 was the year. 1.5 seconds.");
        assertThat(snippet("| `error` | `string \\| null` | yes |\n| --- | :---: | --- |\n| id | string | no |"))
                .isEqualTo("`error` | `string | null` | yes id | string | no");
        assertThat(snippet("| `updated_by` | `object` | yes |  |\n| `updated_by.id` | `string` | yes | Who. |"))
                .isEqualTo("`updated_by` | `object` | yes `updated_by.id` | `string` | yes | Who.");
        assertThat(snippet("Tabs\tand\n\n   lines  collapse")).isEqualTo("Tabs and lines collapse");
    }

    @Test
    void aLongPassageIsCutAfterAWordWithinTheLimit() {
        String text = "Word ".repeat(40) + "custom CSS applies " + "more ".repeat(60);
        String cut = snippet(text, "custom", "css");
        assertThat(cut).endsWith("…").hasSizeLessThanOrEqualTo(260).contains("**custom CSS**");
        assertThat(text).startsWith(cut.replace("**", "").replace("…", ""));
        String joined = snippet("lead ".repeat(49) + "one two three four", "lead", "one", "two", "three", "four");
        assertThat(joined).startsWith("**lead lead").endsWith("lead**…").hasSizeLessThanOrEqualTo(260);
        // A word longer than the limit is cut inside, and its mark closed.
        assertThat(snippet("y".repeat(300), "y".repeat(300))).startsWith("**yyy").endsWith("y**…").hasSize(260);
    }

    @Test
    void sentencesEndAtStopsAndLinesStartPastMarkupAndAreNoImage() {
        char[] text = "## Title\n| --- | --- |\nFirst one. Second: third\n-\n![A screenshot](https://x.y/a.png)\nEnd"
                .toCharArray();
        List<String> sentences = new ArrayList<>();
        for (Snippets.Span s = Snippets.sentence(text, 0); s != null; s = Snippets.sentence(text, s.end())) {
            sentences.add(new String(text, s.start(), s.end() - s.start()));
        }
        assertThat(sentences).containsExactly("Title", "First one.", "Second:", "third", "End");
        String code = "Set `state: 'verified'` when adding. Next one.";
        assertThat(Snippets.sentence(code.toCharArray(), 0).end()).isEqualTo(code.indexOf(" Next"));
    }

    @Test
    void theSnippetIsTheSentenceWithMostQueryTermsAndASentenceAfterAShortOne() throws Exception {
        SearchIndex index = index("""
                ## Keys

                Rotate keys often. Nothing else to say here about the keys, not a single word more of it at all \
                today or ever again in this section of the page. An API key can be **rotated** from the \
                [dashboard](https://dashboard.workos.com/) at any time, see ![the button](https://img/x.png) here.
                """);
        SearchHit hit = index.search("rotate api key dashboard", 1, null).hits().get(0);
        assertThat(hit.snippet()).isEqualTo("An **API key** can be **rotated** from the **dashboard** at any time, "
                + "see here.");
        SearchHit shortOne = index.search("rotate keys often", 1, null).hits().get(0);
        assertThat(shortOne.snippet()).startsWith("**Rotate keys often**. Nothing else to say");
    }

    private static SearchIndex index(String body) throws Exception {
        return SearchIndex.build(CorpusLoader.load(new ContentTree("test", Map.of("docs/keys.mdx",
                ("---\ntitle: Keys\n---\n\n" + body).getBytes(StandardCharsets.UTF_8))),
                new CorpusInfo("test", "test", "2026-01-01")));
    }

    @Test
    void snippetsOfTheRealCorpusCarryNoMarkdown() throws Exception {
        RealCorpus.assumePresent();
        SearchIndex index = PrebuiltIndex.openOrBuild(RealCorpus.load());
        int checked = 0;
        for (String query : List.of("authkit custom css dark theme", "sso_required error", "magic auth code expiry",
                "webhook signature validate manually", "createOrganization", "what is saml", "redirect uri wildcard",
                "okta scim", "directory sync groups", "list users pagination", "POST /user_management/users",
                "organization domain verification", "jwt template claims", "refresh token rotation",
                "impersonation", "audit logs export csv", "log streams datadog", "admin portal link",
                "passwordless email", "mfa totp enroll", "rate limits", "api key permissions", "rbac roles permissions",
                "fga check warrant", "vault encrypt data key", "radar block ip", "session cookie sealed",
                "next.js middleware authkit", "remix loader", "sign out redirect", "invitation accept",
                "email verification code", "google oauth client id", "microsoft entra id scim",
                "pagination before after cursor", "event types dsync.user.created", "idempotency key",
                "metadata organization", "feature flags", "widgets user management", "custom domain cname",
                "branding logo", "connection profile attributes", "error codes", "test identity provider",
                "migrate from auth0", "firebase password hash", "pipes github", "cli auth device code",
                "organization switcher widget", "saml certificate expiring", "user_agent device_fingerprint")) {
            for (SearchHit hit : index.search(query, 10, null).hits()) {
                String s = hit.snippet();
                assertThat(s).as(query + " -> " + hit.url()).doesNotContain("](", "![", "****", "** **")
                        .doesNotStartWith("#").doesNotStartWith("-").doesNotStartWith("|").doesNotStartWith(" ")
                        .doesNotContain("  ", "\n").doesNotEndWith("|").hasSizeLessThanOrEqualTo(260);
                assertThat(s.split("\\*\\*", -1).length % 2).as(query + " -> " + hit.url() + ": " + s).isEqualTo(1);
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(400);
    }
}
