package com.workos.mcpdocs.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.workos.mcpdocs.corpus.Corpus;
import com.workos.mcpdocs.corpus.Page;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.junit.jupiter.api.Test;

/** A pair of words read from positions in memory finds and scores exactly what Lucene's exact phrase does. */
class PairQueryTest {

    @Test
    void findsAndScoresWhatAnExactPhraseOfTwoTermsDoes() throws Exception {
        Corpus corpus = EmbeddedIndex.corpus();
        IndexParts parts = EmbeddedIndex.parts();
        // Neighbouring words of page titles and descriptions: pairs that occur, and some that do not as a pair.
        Set<List<String>> pairs = new LinkedHashSet<>();
        EnglishAnalyzer stemmer = new EnglishAnalyzer();
        for (Page page : corpus.pages().stream().limit(120).toList()) {
            List<String> terms = Analysis.terms(stemmer, Fields.PHRASE, page.title() + " " + page.description());
            for (int i = 0; i + 1 < terms.size(); i++) {
                if (!terms.get(i).equals(terms.get(i + 1))) {
                    pairs.add(List.of(terms.get(i), terms.get(i + 1)));
                    pairs.add(List.of(terms.get(i + 1), terms.get(i)));
                }
            }
        }
        pairs.add(List.of("no-such-term", "user"));
        assertThat(pairs).hasSizeGreaterThan(300);
        int compared = 0;
        for (IndexReader reader : new IndexReader[] {parts.openPages(), parts.openSections()}) {
            IndexSearcher searcher = new IndexSearcher(reader);
            PairQuery.Positions positions = new PairQuery.Positions(searcher);
            for (List<String> pair : pairs) {
                Map<Integer, Float> lucene = scores(searcher, new PhraseQuery(0, Fields.PHRASE, pair.get(0),
                        pair.get(1)));
                Map<Integer, Float> ours = scores(searcher, new PairQuery(positions, Fields.PHRASE, pair.get(0),
                        pair.get(1)));
                assertThat(ours.keySet()).as(pair.toString()).isEqualTo(lucene.keySet());
                for (var hit : lucene.entrySet()) {
                    assertThat(ours.get(hit.getKey())).as(pair + " in " + hit.getKey())
                            .isCloseTo(hit.getValue(), within(1e-5f * hit.getValue()));
                }
                compared += lucene.size();
            }
        }
        assertThat(compared).as("pairs found in documents").isGreaterThan(1000);
    }

    private static Map<Integer, Float> scores(IndexSearcher searcher, Query query) throws Exception {
        Map<Integer, Float> out = new LinkedHashMap<>();
        for (ScoreDoc hit : searcher.search(query, Math.max(1, searcher.getIndexReader().maxDoc())).scoreDocs) {
            out.put(hit.doc, hit.score);
        }
        return out;
    }
}
