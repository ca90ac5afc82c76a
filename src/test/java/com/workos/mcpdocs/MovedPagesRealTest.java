package com.workos.mcpdocs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.workos.mcpdocs.corpus.Corpus;
import com.workos.mcpdocs.corpus.CorpusInfo;
import com.workos.mcpdocs.corpus.Page;
import com.workos.mcpdocs.library.CorpusLoader;
import com.workos.mcpdocs.library.EmbeddedCorpus;
import com.workos.mcpdocs.service.NotFoundException;
import com.workos.mcpdocs.service.Services;
import com.workos.mcpdocs.source.ContentTree;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every page path of the npm package 0.1.0 still answers on the embedded 0.2.0 corpus: with its page (same path or
 * moved) or, for a removed page, with the closest current pages. Runs when the build could fetch both versions.
 */
class MovedPagesRealTest {

    private static final Path PREVIOUS = Path.of(System.getProperty("user.home"), ".cache",
            "workos-mcp-docs-server", "workos-mcp-docs-server-0.1.0.tgz");

    @Test
    void everyOldPathAnswersMovedOrWithClosestPages() throws Exception {
        RealCorpus.assumePresent();
        assumeTrue(Files.isRegularFile(PREVIOUS), "the build could not fetch 0.1.0");
        Corpus previous;
        try (InputStream in = Files.newInputStream(PREVIOUS)) {
            previous = CorpusLoader.load(ContentTree.fromNpmTarball("0.1.0", in), new CorpusInfo("0.1.0", "0.1.0", "x"));
        }
        Services services = App.over(EmbeddedCorpus.load().orElseThrow());
        assertThat(services.corpus().aliases().from()).containsExactly("0.1.0");

        int same = 0;
        int moved = 0;
        List<String> removed = new ArrayList<>();
        List<String> unanswered = new ArrayList<>();
        for (Page page : previous.pages()) {
            try {
                String answer = services.docs().read(page.path());
                if (answer.startsWith("> Moved:")) {
                    moved++;
                } else {
                    same++;
                }
            } catch (NotFoundException e) {
                if (e.getMessage().contains("was removed") && !e.suggestions().isEmpty()) {
                    removed.add(page.path());
                } else {
                    unanswered.add(page.path());
                }
            }
        }
        System.err.printf("0.1.0 paths: %d same, %d moved, %d removed with closest pages, %d unanswered%n",
                same, moved, removed.size(), unanswered.size());
        assertThat(unanswered).isEmpty();
        assertThat(moved).isGreaterThan(100);
        assertThat(services.docs().read("user-management/sessions")).startsWith("> Moved:")
                .contains("`authkit/sessions`");
        assertThat(services.docs().read("user-management/authkit")).contains("`authkit`");
        assertThat(removed).contains("fga/warrants");
    }
}
