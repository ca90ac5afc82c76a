package com.workos.mcpdocs.library;

import com.workos.mcpdocs.corpus.ChangelogEntry;
import com.workos.mcpdocs.corpus.Corpus;
import com.workos.mcpdocs.corpus.CorpusInfo;
import com.workos.mcpdocs.corpus.ExampleGroup;
import com.workos.mcpdocs.corpus.Heading;
import com.workos.mcpdocs.corpus.LoadProblem;
import com.workos.mcpdocs.corpus.NavLink;
import com.workos.mcpdocs.corpus.Navigation;
import com.workos.mcpdocs.corpus.Page;
import static org.assertj.core.api.Assertions.assertThat;

import com.workos.mcpdocs.McpTestServer;
import com.workos.mcpdocs.source.ContentTree;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CorpusLoaderTest {

    static Corpus corpus;

    @BeforeAll
    static void load() throws Exception {
        corpus = McpTestServer.fixtureCorpus();
    }

    @Test
    void pagesAreAddressedByPathWithoutExtensionAndFoldersByTheirIndex() {
        assertThat(corpus.pagesByPath().keySet()).contains("sso", "sso/redirect-uris", "authkit", "authkit/sessions",
                "reference/authkit/user/create", "broken/fine");
        assertThat(corpus.page("sso/index")).isEmpty();
        assertThat(corpus.page("sso/_navigation")).isEmpty();
    }

    @Test
    void titleDescriptionHeadingsAndBodyComeFromThePage() {
        Page page = corpus.page("sso/redirect-uris").orElseThrow();
        assertThat(page.title()).isEqualTo("Redirect URIs");
        assertThat(page.description()).isEqualTo("Learn what a redirect URI is and how it relates to login flows.");
        assertThat(page.body()).doesNotContain("title:").contains("## Wildcard characters");
        assertThat(page.headings()).extracting(Heading::anchor).containsExactly("introduction", "wildcard-characters");
        assertThat(page.frontmatter()).containsKey("title");
    }

    @Test
    void malformedPagesAreSkippedAndReportedWhileTheRestLoads() {
        assertThat(corpus.page("broken/bad-yaml")).isEmpty();
        assertThat(corpus.page("broken/not-utf8")).isEmpty();
        assertThat(corpus.problems()).extracting(LoadProblem::file)
                .contains("docs/broken/bad-yaml.mdx", "docs/broken/not-utf8.mdx", "changelogs/broken.json");
        assertThat(corpus.problems()).filteredOn(p -> p.file().endsWith("not-utf8.mdx"))
                .extracting(LoadProblem::reason).containsExactly("not valid UTF-8");
    }

    @Test
    void navigationComesFromTheSidebarFile() {
        Navigation sso = corpus.navigation("sso").orElseThrow();
        assertThat(sso.title()).isEqualTo("Single Sign-On");
        assertThat(sso.links().get(0).children()).extracting(NavLink::path).containsExactly("sso", "sso/redirect-uris");
    }

    @Test
    void changelogsAreNewestFirst() {
        assertThat(corpus.changelogs().get("workos-platform")).extracting(ChangelogEntry::date)
                .containsExactly("2026-02-17", "2025-08-01", "2025-01-10");
        assertThat(corpus.changelogs()).containsKeys("workos-platform", "authkit-js");
    }

    @Test
    void examplesFolderGroupsAreLoaded() {
        ContentTree tree = new ContentTree("mem", Map.of(
                "examples/next-app/index.json",
                "{\"name\":\"next-app\",\"path\":\"examples/next-app\",\"files\":[\"app.ts\"]}".getBytes(StandardCharsets.UTF_8),
                "examples/next-app/app.ts", "export const x = 1;".getBytes(StandardCharsets.UTF_8)));
        Corpus withExamples = CorpusLoader.load(tree, new CorpusInfo("mem", "1", "today"));
        assertThat(withExamples.examples()).singleElement().satisfies(group -> {
            assertThat(group.name()).isEqualTo("next-app");
            assertThat(group.files()).extracting(ExampleGroup.ExampleFile::language).containsExactly("typescript");
        });
    }
}
