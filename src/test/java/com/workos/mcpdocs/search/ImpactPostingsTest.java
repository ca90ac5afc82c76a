package com.workos.mcpdocs.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.FeatureField;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

/** Stored term scores read straight from the postings are the scores Lucene's feature query gives. */
class ImpactPostingsTest {

    @Test
    void readsTheScoresAFeatureQueryScores() throws Exception {
        IndexParts parts = EmbeddedIndex.parts();
        int compared = 0;
        for (IndexReader reader : new IndexReader[] {parts.openPages(), parts.openSections()}) {
            IndexSearcher searcher = new IndexSearcher(reader);
            ImpactQuery.Postings postings = new ImpactQuery.Postings(searcher);
            List<String> fields = new ArrayList<>();
            for (Fields.IndexWeights weights : List.of(Fields.PAGE, Fields.SECTION)) {
                for (Impacts.Weighting w : weights.all()) {
                    fields.add(w.field());
                    fields.add(w.rareField());
                }
            }
            for (String field : fields.stream().distinct().toList()) {
                Terms terms = MultiTerms.getTerms(reader, field);
                if (terms == null) {
                    continue;
                }
                TermsEnum it = terms.iterator();
                int i = 0;
                for (BytesRef term = it.next(); term != null; term = it.next()) {
                    if (i++ % 7 != 0) {
                        continue;
                    }
                    String text = term.utf8ToString();
                    Map<Integer, Float> expected = byFeatureQuery(searcher, field, text);
                    ImpactQuery.Segment[] segments = postings.load(field, text);
                    Map<Integer, Float> actual = new LinkedHashMap<>();
                    for (LeafReaderContext leaf : reader.leaves()) {
                        ImpactQuery.Segment s = segments[leaf.ord];
                        for (int d = 0; s != null && d < s.docs().length; d++) {
                            actual.put(leaf.docBase + s.docs()[d], s.scores()[d]);
                        }
                    }
                    assertThat(actual).as(field + ":" + text).isEqualTo(expected);
                    compared++;
                }
            }
        }
        assertThat(compared).isGreaterThan(2000);
        // A term the index does not have: nothing, in no segment.
        IndexSearcher pages = new IndexSearcher(parts.openPages());
        assertThat(new ImpactQuery.Postings(pages).load(Fields.PAGE.words().field(), "no-such-term"))
                .containsOnlyNulls();
    }

    private static Map<Integer, Float> byFeatureQuery(IndexSearcher searcher, String field, String term)
            throws Exception {
        Weight weight = searcher.createWeight(FeatureField.newLinearQuery(field, term, 1f), ScoreMode.COMPLETE, 1f);
        Map<Integer, Float> out = new LinkedHashMap<>();
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            Scorer scorer = weight.scorer(leaf);
            if (scorer == null) {
                continue;
            }
            DocIdSetIterator it = scorer.iterator();
            for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
                out.put(leaf.docBase + doc, scorer.score());
            }
        }
        return out;
    }
}
