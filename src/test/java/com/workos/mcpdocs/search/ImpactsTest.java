package com.workos.mcpdocs.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.workos.mcpdocs.McpTestServer;
import com.workos.mcpdocs.corpus.Corpus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.FeatureField;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.Test;

/** The scores stored at index time are the scores a per-field query computes at search time. */
class ImpactsTest {

    @Test
    void storedScoresEqualTheDisjunctionOfWeightedFieldScores() throws Exception {
        Corpus corpus = McpTestServer.fixtureCorpus();
        IndexParts parts = IndexParts.inMemory();
        IndexBuilder.write(corpus, parts);
        try (IndexReader reader = parts.openPages()) {
            IndexSearcher searcher = new IndexSearcher(reader);
            int compared = 0;
            for (String term : List.of("user", "organization", "createuser", "sso", "webhook", "password")) {
                for (Impacts.Weighting weighting : List.of(Fields.PAGE.code(), Fields.PAGE.words())) {
                    List<Query> perField = new ArrayList<>();
                    weighting.weights().forEach((field, weight) ->
                            perField.add(new BoostQuery(new TermQuery(new Term(field, term)), weight)));
                    Map<Integer, Float> expected = scores(searcher,
                            new DisjunctionMaxQuery(perField, Impacts.TIE_BREAKER));
                    Map<Integer, Float> stored = scores(searcher,
                            FeatureField.newLinearQuery(weighting.field(), term, 1f));
                    assertThat(stored.keySet()).as(term).isEqualTo(expected.keySet());
                    for (var e : expected.entrySet()) {
                        // Feature values keep 8 bits of mantissa: within 0.5%.
                        assertThat(stored.get(e.getKey())).as(term).isCloseTo(e.getValue(),
                                within(e.getValue() * 0.005f));
                        compared++;
                    }
                }
            }
            assertThat(compared).isGreaterThan(10);
        }
    }

    private static Map<Integer, Float> scores(IndexSearcher searcher, Query query) throws Exception {
        Map<Integer, Float> out = new HashMap<>();
        for (ScoreDoc doc : searcher.search(query, 10_000).scoreDocs) {
            out.put(doc.doc, doc.score);
        }
        return out;
    }
}
