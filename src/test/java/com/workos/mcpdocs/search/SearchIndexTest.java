package com.workos.mcpdocs.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.workos.mcpdocs.McpTestServer;
import com.workos.mcpdocs.corpus.Corpus;
import com.workos.mcpdocs.corpus.CorpusInfo;
import com.workos.mcpdocs.corpus.Page;
import com.workos.mcpdocs.library.CorpusLoader;
import com.workos.mcpdocs.render.PageRenderer;
import com.workos.mcpdocs.render.Sections;
import com.workos.mcpdocs.source.ContentTree;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine on the hand-written fixture corpus. */
class SearchIndexTest {

    static Corpus corpus;
    static SearchIndex index;

    @BeforeAll
    static void build() throws Exception {
        corpus = McpTestServer.fixtureCorpus();
        index = SearchIndex.build(corpus);
    }

    private static List<String> paths(String query) {
        return index.search(query, 10, null).hits().stream().map(SearchHit::path).toList();
    }

    @Test
    void sdkMethodNamesInAnyLanguageReachTheReferencePage() {
        assertThat(paths("userManagement.createUser()")).first().isEqualTo("reference/authkit/user/create");
        assertThat(paths("create_user")).first().isEqualTo("reference/authkit/user/create");
        assertThat(paths("CreateUser")).first().isEqualTo("reference/authkit/user/create");
        assertThat(paths("POST /user_management/users")).first().isEqualTo("reference/authkit/user/create");
    }

    @Test
    void aCodeNameTheStemmerCutsShortIsStillOneTokenWithItsParts() {
        // getUserIdentities stems to getuserident, shorter than its words run together: a search for it failed.
        QueryPlan plan = index.planner().plan("getUserIdentities");
        assertThat(plan.terms()).singleElement().satisfies(t -> {
            assertThat(t.identifier()).isTrue();
            assertThat(t.parts()).contains("user");
        });
        assertThat(paths("getUserIdentities")).isNotEmpty();
    }

    @Test
    void codeUnknownAsAWholeIsLookedForNamespaceByNamespace() {
        // No SDK spells it Acme::Directory.create_user, but create_user is a method the reference names.
        QueryPlan plan = index.planner().plan("Acme::Directory.create_user(email: email)");
        assertThat(plan.terms()).anySatisfy(t -> assertThat(t.whole()).contains("create_user"));
        assertThat(paths("Acme::Directory.create_user(email: email)")).first()
                .isEqualTo("reference/authkit/user/create");
    }

    @Test
    void aPageWithEveryWordOfALongQueryBeatsOneThatRepeatsAFew() throws Exception {
        Map<String, byte[]> files = new HashMap<>();
        files.put("docs/keys/credentials.mdx", utf8("""
                ---
                title: Credentials
                ---

                ## Credentials

                Rotate the key. A rotated key replaces the old key; rotate keys often, and rotate each key you hold.
                Key rotation: rotate, rotate, rotate the key.
                """));
        files.put("docs/keys/maintenance.mdx", utf8("""
                ---
                title: Maintenance windows
                ---

                ## Weekly maintenance

                You can rotate a key on a schedule: the dashboard runs it automatically every weekly window.
                """));
        for (int i = 0; i < 6; i++) {
            // Pages where the other words of the query are common, so that only rotate and key are rare.
            files.put("docs/reports/report-" + i + ".mdx", utf8("---\ntitle: Reports " + i + "\n---\n\n## Reports\n\n"
                    + "Reports run automatically on a weekly schedule; each schedule sends a weekly digest.\n"));
        }
        Corpus small = CorpusLoader.load(new ContentTree("test", files), new CorpusInfo("test", "test", "2026-01-01"));
        assertThat(SearchIndex.build(small).search("rotate key schedule automatically weekly", 10, null).hits())
                .first().extracting(SearchHit::path).isEqualTo("keys/maintenance");
    }

    @Test
    void neighbouringQueryWordsFoundTogetherCountMore() throws Exception {
        Map<String, byte[]> files = new HashMap<>();
        files.put("docs/profile/apart.mdx", utf8("""
                ---
                title: Profile fields
                ---

                ## Fields

                The name field holds what a user typed. The display settings decide the theme. Change the name here;
                change the display there.
                """));
        files.put("docs/profile/together.mdx", utf8("""
                ---
                title: Profile widget
                ---

                ## Editing

                Users can change their display name from the widget.
                """));
        Corpus small = CorpusLoader.load(new ContentTree("test", files), new CorpusInfo("test", "test", "2026-01-01"));
        assertThat(SearchIndex.build(small).search("change the display name of users", 10, null).hits())
                .first().extracting(SearchHit::path).isEqualTo("profile/together");
    }

    @Test
    void theSectionShownHasTheQuerysWordsBeyondThePagesTitle() throws Exception {
        Map<String, String> pages = new HashMap<>();
        pages.put("hooks/guide", mdx("Receive hooks", """
                ## Set up your hook endpoint

                Create a public endpoint. Each request comes with a signature header, and the endpoint must answer
                quickly.

                ## Validate the requests

                Verify the signature of each hook request before you process it: a request without the right
                signature did not come from us.

                ## Test your endpoint

                Send a test event from the dashboard and check the endpoint logs.
                """));
        for (int i = 0; i < 4; i++) {
            // Verifying is common in this corpus, so the word weighs little.
            pages.put("other/page-" + i, mdx("Other " + i, "## Overview\n\nVerify your email, then verify your "
                    + "domain: the dashboard lists what is left to verify.\n"));
        }
        SearchIndex index = index(pages);
        // "hook" is in the title and in the first section's heading; the second section has the rest of the question.
        assertThat(index.search("how do I verify hook signatures", 10, null).hits()).first()
                .satisfies(hit -> assertThat(hit.path()).isEqualTo("hooks/guide"))
                .extracting(SearchHit::anchor).isEqualTo("validate-the-requests");
        // A query of the title's words alone keeps the plain best section.
        assertThat(index.search("set up hook endpoint", 10, null).hits()).first()
                .extracting(SearchHit::anchor).isEqualTo("set-up-your-hook-endpoint");
    }

    @Test
    void aPageThatNamesTheEndpointBeatsOnesThatMatchItsWords() throws Exception {
        Map<String, String> pages = new HashMap<>();
        pages.put("reference/directory-group/get", mdx("Get a directory group", "## Get a directory group\n\n"
                + "Get the details of an existing directory group.\n\n`GET /directory_groups/:id`\n"));
        pages.put("reference/directory-group/list", mdx("List directory groups", "## List directory groups\n\n"
                + "Get a list of all of the existing directory groups, filtered by directory or user.\n\n"
                + "`GET /directory_groups`\n"));
        pages.put("reference/directory-user/list", mdx("List directory users", "## List directory users\n\n"
                + "Get a list of all of the existing directory users matching the criteria.\n\n"
                + "`GET /directory_users`\n"));
        for (int i = 0; i < 10; i++) {
            pages.put("other/page-" + i, mdx("Other " + i, "## Overview\n\nGet the settings of a directory at "
                    + "sign-in.\n"));
        }
        SearchIndex index = index(pages);
        // Two pages match group, directory and filter; only one has the endpoint the query names.
        assertThat(index.search("GET /directory_users group directory filter", 10, null).hits()).first()
                .extracting(SearchHit::path).isEqualTo("reference/directory-user/list");
        // Words joined by hyphens are not a name of code: nothing changes for them.
        assertThat(index.planner().plan("sign-in").terms()).singleElement()
                .matches(t -> t.identifier() && t.weight() == 1f && !t.namesCode());
        assertThat(index.planner().plan("/directory_users directory_groups").terms())
                .hasSize(2).allMatch(QueryPlan.TermClause::namesCode);
    }

    /** A page's MDX: its title in the frontmatter, then {@code body}. */
    private static String mdx(String title, String body) {
        return "---\ntitle: " + title + "\n---\n\n" + body;
    }

    /** The index of a corpus of the given pages (path under docs/, without .mdx, to MDX). */
    private static SearchIndex index(Map<String, String> pages) throws java.io.IOException {
        Map<String, byte[]> files = new HashMap<>();
        pages.forEach((path, text) -> files.put("docs/" + path + ".mdx", utf8(text)));
        return SearchIndex.build(CorpusLoader.load(new ContentTree("test", files),
                new CorpusInfo("test", "test", "2026-01-01")));
    }

    private static String words(String text) {
        return " " + text.replaceAll("[^\\p{L}\\p{N}]+", " ").strip() + " ";
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void anUnknownWordWithAPrefixIsLookedForWithoutIt() {
        assertThat(index.planner().withoutPrefix("reorganization")).containsExactly("organization");
        assertThat(index.planner().withoutPrefix("rezzzz")).isEmpty();
    }

    @Test
    void parameterNamesReachTheReferencePage() {
        assertThat(paths("passwordHashType")).first().isEqualTo("reference/authkit/user/create");
    }

    @Test
    void synonymsFindPagesThatUseTheOtherWord() {
        // The fixture's SSO page says "single sign-on", never the query's abbreviation "IdP".
        assertThat(paths("IdP")).contains("sso");
        assertThat(paths("JWT expiry")).first().isEqualTo("authkit/sessions");
    }

    @Test
    void typosAreCorrectedToWordsOfTheCorpus() {
        assertThat(paths("wildcrad redirct")).first().isEqualTo("sso/redirect-uris");
    }

    @Test
    void aHitNamesItsBestSectionWithAnchorUrlAndMarkedSnippet() {
        SearchHit hit = index.search("wildcard subdomains", 1, null).hits().get(0);
        assertThat(hit.path()).isEqualTo("sso/redirect-uris");
        assertThat(hit.heading()).isEqualTo("Wildcard characters");
        assertThat(hit.anchor()).isEqualTo("wildcard-characters");
        assertThat(hit.url()).isEqualTo("https://workos.com/docs/sso/redirect-uris#wildcard-characters");
        assertThat(hit.snippet()).contains("**wildcard**").contains("**subdomains**");
    }

    @Test
    void theSectionFilterKeepsOnlyThatPartOfTheTree() {
        List<SearchHit> hits = index.search("user", 10, "authkit").hits();
        assertThat(hits).isNotEmpty().allSatisfy(h -> assertThat(h.path()).startsWith("authkit"));
        assertThat(index.search("user", 10, "reference/authkit").hits()).extracting(SearchHit::path)
                .containsExactly("reference/authkit/user/create");
    }

    @Test
    void noResultsComeWithSuggestions() {
        SearchResult result = index.search("wildcrd zzqxv", 10, "authkit");
        assertThat(result.hits()).isEmpty();
        assertThat(result.suggestions()).isNotEmpty();
    }

    @Test
    void aPrebuiltIndexIsReopenedAndAStaleOneRebuilt(@TempDir Path dir) throws Exception {
        PrebuiltIndex.write(corpus, dir);
        SearchIndex reopened = PrebuiltIndex.openOrBuild(corpus, dir);
        assertThat(reopened.search("wildcard", 1, null).hits()).extracting(SearchHit::path)
                .containsExactly("sso/redirect-uris");
        Corpus other = CorpusLoader.load(new ContentTree("other", java.util.Map.of("docs/x.mdx",
                "---\ntitle: Only page\n---\n\nwildcard\n".getBytes())), new CorpusInfo("o", "1", "d"));
        assertThat(PrebuiltIndex.fingerprint(other)).isNotEqualTo(PrebuiltIndex.fingerprint(corpus));
        assertThat(PrebuiltIndex.openOrBuild(other, dir).search("wildcard", 5, null).hits())
                .extracting(SearchHit::path).containsExactly("x");
    }

    @Test
    void placeholdersForMissingCodeAreNotIndexed() throws Exception {
        Map<String, String> pages = new HashMap<>();
        pages.put("sso/guide", mdx("Add SSO", """
                ## Sign-in

                Redirect the user to the authorization URL.

                <CodeBlock>
                  <CodeBlockTab title="Next.js" file="next-sign-in" />
                  <CodeBlockTab title="Remix" file="remix-sign-in" />
                </CodeBlock>
                """));
        pages.put("frameworks/nextjs", mdx("Frameworks", "## Next.js\n\nAdd SSO to a Next.js app with the SDK.\n"));
        SearchIndex index = index(pages);
        // The tab titles stand for code the corpus does not ship: nothing to find there.
        assertThat(index.search("Remix", 10, null).hits()).isEmpty();
        assertThat(index.search("how do I add SSO to a Next.js app", 10, null).hits()).first()
                .extracting(SearchHit::path).isEqualTo("frameworks/nextjs");
    }

    @Test
    void aSnippetMarksOnlyTheWordsThatMatchedAfterAnalysis() throws Exception {
        SearchIndex index = index(Map.of("email/verify", mdx("Email verification", """
                ## Confirm addresses

                Users confirm their email address before they sign in. The domain is configured by an admin.
                """)));
        SearchHit hit = index.search("confirm email", 1, null).hits().get(0);
        assertThat(hit.snippet()).contains("**confirm**").contains("**email**").doesNotContain("**configured**");
    }

    @Test
    void aHitsSnippetIsAPassageOfTheSectionWorkosDocsReturns() {
        PageRenderer renderer = PageRenderer.of(corpus);
        for (String query : List.of("wildcard subdomains", "create a user", "JWT expiry", "redirect uri")) {
            for (SearchHit hit : index.search(query, 10, null).hits()) {
                Page page = corpus.page(hit.path()).orElseThrow();
                String body = renderer.body(page, renderer.defaultLanguage(page));
                // A hit without a section (its page matched by title or description) quotes the description.
                String section = hit.anchor().isEmpty() ? page.description() + "\n" + body
                        : Sections.find(body, hit.anchor()).orElseThrow().markdown();
                // Word for word: the snippet reads the Markdown (a link as its words, no image, no emphasis).
                String words = words(section.replaceAll("!\\[[^]]*]\\([^)]*\\)|]\\([^)]*\\)", " "));
                assertThat(words).as(query + " -> " + hit.url()).contains(words(hit.snippet()));
            }
        }
    }

    @Test
    void aPageWithSeveralAnsweringSectionsNamesEach() throws Exception {
        SearchIndex index = index(Map.of("keys/rotation", mdx("Keys", """
                ## Rotate a signing key

                Rotate the signing key from the dashboard; the old signing key stays valid for a day.

                ## Rotate an encryption key

                Rotate the encryption key with the API; data keys are re-wrapped with the new encryption key.

                ## Billing

                Invoices are sent monthly.
                """)));
        assertThat(index.search("rotate key", 10, null).hits()).extracting(SearchHit::anchor)
                .containsExactlyInAnyOrder("rotate-a-signing-key", "rotate-an-encryption-key");
    }

    @Test
    void aTermThatAPageOfDefinitionsDefinesHasItsDefinitionNearTheTop() throws Exception {
        Map<String, String> pages = new HashMap<>();
        StringBuilder glossary = new StringBuilder();
        for (String term : List.of("Access Token", "ACS URL", "Bearer Token", "Client ID", "Connection", "Endpoint",
                "IdP URI (Entity ID)", "JWT", "Redirect URI", "SAML", "SCIM")) {
            glossary.append("## ").append(term).append("\n\nA short definition of ").append(term).append(".\n\n");
        }
        pages.put("glossary", mdx("Glossary", glossary.toString()));
        for (int i = 0; i < 5; i++) {
            pages.put("saml/guide-" + i, mdx("SAML guide " + i, "## SAML setup\n\nConfigure SAML: the SAML "
                    + "response, SAML assertions, SAML certificates and the SAML ACS URL.\n"));
        }
        SearchIndex index = index(pages);
        assertThat(index.search("what is SAML", 10, null).hits()).first()
                .satisfies(hit -> assertThat(hit.path()).isEqualTo("glossary"))
                .extracting(SearchHit::anchor).isEqualTo("saml");
        assertThat(index.search("saml", 10, null).hits().subList(0, 3)).extracting(SearchHit::anchor).contains("saml");
        assertThat(index.search("entity id meaning", 10, null).hits()).first().extracting(SearchHit::anchor)
                .isEqualTo("idp-uri-entity-id");
        // A heading of a page of long sections defines nothing: the guides answer.
        assertThat(index.search("SAML setup", 10, null).hits()).first().extracting(SearchHit::path).asString()
                .startsWith("saml/guide-");
    }

    @Test
    void explainNamesEachPartOfTheScore() {
        List<String> explained = index.explain("wildcard redirect uri", 3, null);
        assertThat(explained).isNotEmpty();
        assertThat(explained.get(0)).startsWith("sso/redirect-uris#").contains("page (Lucene)")
                .contains("best section x 0.6").contains("coverage").contains("Linear function");
    }
}
