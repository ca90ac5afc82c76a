package com.workos.mcpdocs.corpus;

import com.workos.mcpdocs.library.CorpusLoader;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.workos.mcpdocs.render.PageRenderer;
import com.workos.mcpdocs.service.DocsService;
import com.workos.mcpdocs.service.NotFoundException;
import com.workos.mcpdocs.source.ContentTree;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AliasBuilderTest {

    private static final String SESSIONS_TEXT = "AuthKit keeps users signed in with a sealed session cookie. "
            + "Refresh tokens rotate on every use and access tokens expire after five minutes.";

    /** Version 1: the User Management era. */
    private static Corpus v1() {
        Map<String, String> pages = new HashMap<>();
        pages.put("user-management/index.mdx", page("User Management", "user-management/index.mdx",
                "Authentication APIs for your users: sessions, magic auth and organizations."));
        pages.put("user-management/sessions.mdx", page("Sessions", "user-management/sessions.mdx", SESSIONS_TEXT));
        pages.put("user-management/magic-auth.mdx", page("Magic Auth", "user-management/magic-auth.mdx",
                "Send a one-time code by email so users sign in without a password."));
        pages.put("user-management/quick-start.mdx", page("Quick start", "user-management/quick-start.mdx",
                "Install the SDK, configure a redirect URI and add a sign-in button to your app."));
        pages.put("fga/warrants.mdx", page("Warrants", "fga/warrants.mdx",
                "A warrant grants a subject a relation on a resource in the authorization graph."));
        pages.put("reference/fga/policy/create.mdx", page("Create a policy", "reference/fga/policy/create.mdx",
                "Creates a policy that evaluates conditions on warrants."));
        pages.put("sso/index.mdx", page("Single Sign-On", "sso/index.mdx", "Connect identity providers."));
        return corpus("1.0.0", pages, null);
    }

    /** Version 2: User Management renamed AuthKit, FGA removed, a page renamed with its text unchanged. */
    private static Corpus v2(String aliasesJson) {
        Map<String, String> pages = new HashMap<>();
        pages.put("authkit/index.mdx", page("AuthKit", "authkit/index.mdx",
                "An authentication platform: hosted sign-in, sessions, magic auth and organizations."));
        pages.put("authkit/sessions.mdx", page("Sessions", "authkit/sessions.mdx", SESSIONS_TEXT
                + " Sessions can also be revoked."));
        pages.put("authkit/magic-auth.mdx", page("Magic Auth", "authkit/magic-auth.mdx",
                "Send a one-time code by email so users sign in without a password."));
        pages.put("authkit/getting-started.mdx", page("Getting started", "authkit/getting-started.mdx",
                "Install the SDK, configure a redirect URI and add a sign-in button to your app."));
        pages.put("reference/authkit/user/create.mdx", page("Create a user", "reference/authkit/user/create.mdx",
                "Creates a user with an email address and an optional password."));
        pages.put("sso/index.mdx", page("Single Sign-On", "sso/index.mdx", "Connect identity providers."));
        return corpus("2.0.0", pages, aliasesJson);
    }

    private static String page(String title, String file, String text) {
        return "---\ntitle: " + title + "\noriginalPath: .clone/packages/docs/content/" + file + "\n---\n\n" + text
                + "\n";
    }

    private static Corpus corpus(String version, Map<String, String> pages, String aliasesJson) {
        Map<String, byte[]> files = new HashMap<>();
        pages.forEach((file, text) -> files.put("docs/" + file, text.getBytes(StandardCharsets.UTF_8)));
        if (aliasesJson != null) {
            files.put(PathAliases.FILE, aliasesJson.getBytes(StandardCharsets.UTF_8));
        }
        return CorpusLoader.load(new ContentTree(version, files), new CorpusInfo("test " + version, version, "x"));
    }

    @Test
    void pagesWithTheSameFileNameAndTitleOrNearlyTheSameTextAreMoved() {
        PathAliases aliases = AliasBuilder.build(v1(), v2(null), "1.0.0");
        assertThat(aliases.moved()).containsEntry("user-management/sessions", "authkit/sessions")
                .containsEntry("user-management/magic-auth", "authkit/magic-auth")
                .containsEntry("user-management/quick-start", "authkit/getting-started");
        assertThat(aliases.from()).containsExactly("1.0.0");
    }

    @Test
    void aFolderWhoseChildrenMovedTogetherMovedWithThem() {
        assertThat(AliasBuilder.build(v1(), v2(null), "1.0.0").moved())
                .containsEntry("user-management", "authkit");
    }

    @Test
    void pagesWithoutACounterpartAreRemovedEvenWhenAFileNameIsShared() {
        PathAliases aliases = AliasBuilder.build(v1(), v2(null), "1.0.0");
        assertThat(aliases.removed()).containsExactly("fga/warrants", "reference/fga/policy/create");
        assertThat(aliases.moved()).doesNotContainKeys("fga/warrants", "reference/fga/policy/create", "sso");
    }

    @Test
    void olderAliasesAreFollowedToWherePagesLiveNow() {
        String fromV0 = "{\"from\":[\"0.9.0\"],\"moved\":{\"sessions\":\"user-management/sessions\","
                + "\"legacy/magic\":\"gone/elsewhere\"},\"removed\":[\"fga/old\"]}";
        Corpus v1 = corpus("1.0.0", Map.of(
                "user-management/sessions.mdx", page("Sessions", "user-management/sessions.mdx", SESSIONS_TEXT)),
                fromV0);
        PathAliases aliases = AliasBuilder.build(v1, v2(null), "1.0.0");
        assertThat(aliases.moved()).containsEntry("sessions", "authkit/sessions")
                .containsEntry("user-management/sessions", "authkit/sessions");
        assertThat(aliases.removed()).contains("legacy/magic", "fga/old");
        assertThat(aliases.from()).containsExactly("0.9.0", "1.0.0");
    }

    @Test
    void theTableSurvivesItsJsonForm() {
        PathAliases aliases = AliasBuilder.build(v1(), v2(null), "1.0.0");
        assertThat(PathAliases.fromJson(new String(aliases.toJson(), StandardCharsets.UTF_8))).isEqualTo(aliases);
    }

    @Test
    void anOldPathAnswersWithTheNewPageAndOneLineSayingWhereItMoved() {
        Corpus v2 = v2(new String(AliasBuilder.build(v1(), v2(null), "1.0.0").toJson(), StandardCharsets.UTF_8));
        DocsService docs = new DocsService(v2, PageRenderer.of(v2));
        String answer = docs.read("user-management/sessions");
        assertThat(answer.lines().findFirst().orElseThrow())
                .contains("Moved", "`user-management/sessions`", "`authkit/sessions`");
        assertThat(answer).contains("Sessions can also be revoked");
        assertThat(docs.read("https://workos.com/docs/user-management/magic-auth")).contains("`authkit/magic-auth`");
        assertThat(docs.read("")).contains("Old paths still answer");
    }

    @Test
    void aRemovedPageSaysSoAndOffersTheClosestCurrentPages() {
        Corpus v2 = v2(new String(AliasBuilder.build(v1(), v2(null), "1.0.0").toJson(), StandardCharsets.UTF_8));
        DocsService docs = new DocsService(v2, PageRenderer.of(v2));
        assertThatThrownBy(() -> docs.read("reference/fga/policy/create"))
                .isInstanceOfSatisfying(NotFoundException.class, e -> {
                    assertThat(e.getMessage()).contains("was removed");
                    assertThat(e.suggestions()).contains("reference/authkit/user/create");
                });
        assertThatThrownBy(() -> docs.read("never/existed")).hasMessageNotContaining("removed");
    }
}
