package com.workos.mcpdocs.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.workos.mcpdocs.RealCorpus;
import com.workos.mcpdocs.corpus.Corpus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded index is read from the jar the first time and copied to disk; later starts open the copy
 * memory-mapped and search exactly as before; a broken copy or one of another build is replaced.
 */
class EmbeddedIndexCopyTest {

    @TempDir
    Path copies;

    @Test
    void firstStartCopiesLaterStartsMapTheCopyAndFindTheSame() throws Exception {
        Corpus corpus = RealCorpus.load();
        Path stale = Files.createDirectories(copies.resolve("index-0ld").resolve("files"));
        Files.writeString(stale.resolve("_0.cfs"), "an index of an older build");

        Directory first = prefetch();
        assertThat(first).isInstanceOf(ByteBuffersDirectory.class);
        List<String> fromJar = paths(openWith(corpus, first), "single sign-on redirect uri");
        Path copy = awaitCopy();
        assertThat(copies.resolve("index-0ld")).doesNotExist();

        Directory second = prefetch();
        assertThat(second).isInstanceOf(FSDirectory.class);
        assertThat(paths(openWith(corpus, second), "single sign-on redirect uri")).isEqualTo(fromJar).isNotEmpty();

        // A copy that lost a file is read from the jar again and made anew.
        Path lost;
        try (Stream<Path> files = Files.list(copy.resolve("files"))) {
            lost = files.filter(f -> f.toString().endsWith(".cfs")).findFirst().orElseThrow();
        }
        Files.delete(lost);
        assertThat(prefetch()).isInstanceOf(ByteBuffersDirectory.class);
        for (int i = 0; i < 600 && !Files.exists(lost); i++) {
            Thread.sleep(50);
        }
        assertThat(awaitCopy()).isEqualTo(copy);
        assertThat(prefetch()).isInstanceOf(FSDirectory.class);
    }

    private Directory prefetch() {
        PrebuiltIndex.prefetchEmbedded(copies);
        Directory dirs = PrebuiltIndex.prefetchedForTest();
        assertThat(dirs).as("the jar carries an index").isNotNull();
        return dirs;
    }

    private static SearchIndex openWith(Corpus corpus, Directory dir) throws Exception {
        return new SearchIndex(corpus, dir);
    }

    private static List<String> paths(SearchIndex index, String query) {
        return index.search(query, 10, null).hits().stream().map(SearchHit::path).toList();
    }

    /**
     * The complete copy, once the prefetch thread has written it (it writes after handing the index over) and
     * removed what else the folder held (it does that after moving the copy into place).
     */
    private Path awaitCopy() throws Exception {
        for (int i = 0; i < 600; i++) {
            try (Stream<Path> entries = Files.list(copies)) {
                List<Path> all = entries.toList();
                if (all.size() == 1 && all.get(0).getFileName().toString().startsWith("index-")
                        && Files.exists(all.get(0).resolve(PrebuiltIndex.PROPERTIES))) {
                    return all.get(0);
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no copy of the index was written to " + copies);
    }
}
