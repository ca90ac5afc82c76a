package com.workos.mcpdocs.corpus;

import com.workos.mcpdocs.library.CorpusLoader;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.workos.mcpdocs.McpTestServer;
import com.workos.mcpdocs.source.ContentTree;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A corpus written as a snapshot and read back is the same corpus; a damaged snapshot is refused. */
class CorpusSnapshotTest {

    private static Corpus corpus;
    private static byte[] snapshot;

    @BeforeAll
    static void load() throws IOException {
        corpus = CorpusLoader.load(ContentTree.fromDirectory(McpTestServer.fixtureDir()),
                new CorpusInfo("fixture", "1", "today"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CorpusSnapshot.write(corpus, out);
        snapshot = out.toByteArray();
    }

    @Test
    void pagesReadBackEqualTheOriginals() throws IOException {
        Corpus read = CorpusSnapshot.read(new ByteArrayInputStream(snapshot));
        assertThat(read.pages()).hasSameSizeAs(corpus.pages()).isNotEmpty();
        assertThat(read.info()).isEqualTo(corpus.info());
        for (Page original : corpus.pages()) {
            Page copy = read.page(original.path()).orElseThrow();
            assertThat(copy).isEqualTo(original).hasSameHashCodeAs(original);
            assertThat(copy.body()).isEqualTo(original.body());
            assertThat(copy.headings()).isEqualTo(original.headings());
            assertThat(copy.frontmatter()).isEqualTo(original.frontmatter());
            assertThat(copy.toString()).isEqualTo(original.toString());
        }
    }

    @Test
    void aBodyKeptEncodedDecodesOnceToTheSameTextFromAnyThread() throws Exception {
        String text = "Café ✓ — multi-byte text, and 🔐 beyond the basic plane\n";
        Page page = Page.withEncodedBody("p", "T", "", java.util.Map.of(),
                text.getBytes(java.nio.charset.StandardCharsets.UTF_8), List.of(), "docs/p.mdx");
        List<CompletableFuture<String>> readers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            readers.add(CompletableFuture.supplyAsync(page::body));
        }
        for (CompletableFuture<String> reader : readers) {
            assertThat(reader.get()).isEqualTo(text);
        }
        assertThat(page.body()).isSameAs(page.body());
        assertThat(page).isEqualTo(new Page("p", "T", "", java.util.Map.of(), text, List.of(), "docs/p.mdx"));
    }

    @Test
    void aTruncatedSnapshotIsRefused() {
        byte[] cut = Arrays.copyOf(snapshot, snapshot.length / 2);
        assertThatThrownBy(() -> CorpusSnapshot.read(new ByteArrayInputStream(cut)))
                .isInstanceOf(IOException.class);
    }
}
