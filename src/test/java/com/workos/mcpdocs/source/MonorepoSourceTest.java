package com.workos.mcpdocs.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.workos.mcpdocs.corpus.ChangelogEntry;
import com.workos.mcpdocs.corpus.Corpus;
import com.workos.mcpdocs.corpus.CorpusInfo;
import com.workos.mcpdocs.corpus.ExampleGroup;
import com.workos.mcpdocs.library.CorpusLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MonorepoSourceTest {

    @Test
    void docsContentBecomesDocsWithMdAndMdxPagesOnly() throws Exception {
        ContentTree tree = MonorepoSource.read(SyncFixtures.monorepo(), 10);
        assertThat(tree.under("docs/").keySet()).containsExactly("docs/authkit/sessions.mdx", "docs/index.mdx",
                "docs/sso/index.mdx", "docs/sso/redirect-uris.md");
        Corpus corpus = CorpusLoader.load(tree, new CorpusInfo("monorepo", "test", "2026-01-01"));
        assertThat(corpus.pagesByPath().keySet()).containsExactly("", "authkit/sessions", "sso", "sso/redirect-uris");
    }

    @Test
    void examplesAreGroupedByFirstFolderWithAnIndexAndOnlyScriptFiles() throws Exception {
        ContentTree tree = MonorepoSource.read(SyncFixtures.monorepo(), 10);
        String index = new String(tree.files().get("examples/nextjs/index.json"), StandardCharsets.UTF_8);
        assertThat(index).contains("\"name\" : \"nextjs\"", "\"path\" : \"examples/nextjs\"", "app/page.tsx",
                "lib/auth.ts").doesNotContain("node_modules");
        assertThat(tree.under("examples/").keySet()).doesNotContain("examples/loose.ts", "examples/README.md",
                "examples/node/styles.css");
        Corpus corpus = CorpusLoader.load(tree, new CorpusInfo("monorepo", "test", "2026-01-01"));
        assertThat(corpus.examples()).extracting(ExampleGroup::name).containsExactly("nextjs", "node");
    }

    @Test
    void changelogsAreNamedByPackageJsonAndKeepTheNewestN() throws Exception {
        Corpus corpus = CorpusLoader.load(MonorepoSource.read(SyncFixtures.monorepo(), 3),
                new CorpusInfo("monorepo", "test", "2026-01-01"));
        assertThat(corpus.changelogs().keySet()).containsExactly("@workos-inc/authkit-js", "node");
        assertThat(corpus.changelogs().get("@workos-inc/authkit-js")).hasSize(3)
                .extracting(ChangelogEntry::version).containsExactly("0.13.0", "0.12.1", "0.12.0");
        ChangelogEntry node = corpus.changelogs().get("node").get(0);
        assertThat(node.source()).isEqualTo("markdown");
        assertThat(node.changes()).containsExactly("Drop Node 16");
        assertThat(corpus.problems()).isEmpty();
    }

    @Test
    void aFolderThatIsNotAMonorepoSaysWhatToPass(@TempDir Path empty) {
        assertThatThrownBy(() -> MonorepoSource.read(empty, 10)).isInstanceOf(IOException.class)
                .hasMessageContaining("packages/docs/content").hasMessageContaining("--from-dir");
    }
}
