package com.workos.mcpdocs.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.workos.mcpdocs.McpTestServer;
import com.workos.mcpdocs.corpus.Corpus;
import com.workos.mcpdocs.corpus.Page;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The warm-up searches: of every shape, and stopped when asked. */
class WarmUpTest {

    static Corpus corpus;

    @BeforeAll
    static void load() throws Exception {
        corpus = McpTestServer.fixtureCorpus();
    }

    @Test
    void searchesComeInTheShapesPeopleAsk() {
        List<WarmUp.Search> searches = WarmUp.searches(corpus.pages().toArray(Page[]::new));
        List<String> queries = searches.stream().map(WarmUp.Search::query).toList();
        Page first = corpus.pages().iterator().next();
        assertThat(queries).contains(first.title(), first.path().replace('-', '_'));
        assertThat(queries).anyMatch(q -> q.matches("[a-z]+(?:[A-Z][a-z0-9]*)+"));
        assertThat(queries).anyMatch(q -> q.contains(" ") && q.endsWith("."));
        assertThat(searches).anyMatch(s -> s.section() != null);
    }

    @Test
    void runsEverySearchOfEveryShape() throws Exception {
        SearchIndex index = SearchIndex.build(corpus);
        Map<String, SearchResult> results = new java.util.LinkedHashMap<>();
        int done = index.warmUp(() -> true, results::put);
        assertThat(done).isEqualTo(WarmUp.searches(corpus.pages().toArray(Page[]::new)).size());
        assertThat(results.values()).anyMatch(r -> !r.hits().isEmpty());
        assertThat(results.values()).anyMatch(r -> r.hits().isEmpty());
    }

    @Test
    void asksBeforeEachSearchAndStopsWhenTold() throws Exception {
        SearchIndex index = SearchIndex.build(corpus);
        AtomicInteger asked = new AtomicInteger();
        List<String> used = new ArrayList<>();
        int done = index.warmUp(() -> asked.incrementAndGet() <= 3, (query, result) -> used.add(query));
        assertThat(done).isEqualTo(3);
        assertThat(used).hasSize(3);
        assertThat(asked).hasValue(4);
    }
}
