package com.workos.mcpdocs.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.FeatureField;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.similarities.Similarity;
import org.apache.lucene.util.BytesRef;

/**
 * Per-term document scores computed when the index is written, stored as {@link FeatureField}s and read back with
 * {@link FeatureField#newLinearQuery}: one feature per term instead of one term query per field.
 *
 * <p>A term's score in a document is Lucene's BM25 score of the term in each field (with that field's
 * statistics) times the field's weight, combined as a disjunction-max: the best field in full, the others at
 * {@link #TIE_BREAKER}. That is what a dis-max of per-field term queries computes at search time.
 *
 * <p>A word found in more than {@link #COMMON_SHARE} of a field's documents is common there; long queries leave it
 * out of those fields (it barely moves a score). The {@link Fields.Weighting#rareField()} feature holds that score,
 * written only for terms common in one of its fields.
 */
final class TermScores {

    static final float TIE_BREAKER = 0.25f;
    static final double COMMON_SHARE = 0.3;

    private TermScores() {
    }

    /** The terms common in each field of {@code reader}, as {@code field + '\0' + term}. */
    static Set<String> common(IndexReader reader, Set<String> fields) throws IOException {
        Set<String> common = new HashSet<>();
        for (String field : fields) {
            int docs = reader.getDocCount(field);
            Terms terms = MultiTerms.getTerms(reader, field);
            if (docs == 0 || terms == null) {
                continue;
            }
            TermsEnum termsEnum = terms.iterator();
            for (BytesRef term = termsEnum.next(); term != null; term = termsEnum.next()) {
                if ((double) termsEnum.docFreq() / docs > COMMON_SHARE) {
                    common.add(field + '\u0000' + term.utf8ToString());
                }
            }
        }
        return common;
    }

    /**
     * For each document of {@code reader}, in order, the feature fields of every weighting.
     *
     * @param common the terms common per field ({@link #common}), decided on the pages for pages and sections alike
     */
    static List<List<FeatureField>> of(IndexReader reader, List<Fields.Weighting> weightings, Set<String> common)
            throws IOException {
        List<String> fields = new ArrayList<>();
        weightings.forEach(w -> w.weights().keySet().stream().filter(f -> !fields.contains(f)).forEach(fields::add));
        List<Map<String, float[]>> perDoc = new ArrayList<>();
        for (int i = 0; i < reader.maxDoc(); i++) {
            perDoc.add(new HashMap<>());
        }
        IndexSearcher searcher = new IndexSearcher(reader);
        Similarity similarity = searcher.getSimilarity();
        for (int f = 0; f < fields.size(); f++) {
            String field = fields.get(f);
            CollectionStatistics collection = searcher.collectionStatistics(field);
            if (collection == null) {
                continue;
            }
            for (LeafReaderContext leaf : reader.leaves()) {
                LeafReader leafReader = leaf.reader();
                Terms terms = leafReader.terms(field);
                if (terms == null) {
                    continue;
                }
                NumericDocValues norms = null;
                TermsEnum termsEnum = terms.iterator();
                PostingsEnum postings = null;
                for (BytesRef bytes = termsEnum.next(); bytes != null; bytes = termsEnum.next()) {
                    String term = bytes.utf8ToString();
                    Similarity.SimScorer scorer = similarity.scorer(1f, collection, searcher.termStatistics(
                            new Term(field, bytes), termsEnum.docFreq(), termsEnum.totalTermFreq()));
                    norms = leafReader.getNormValues(field);
                    postings = termsEnum.postings(postings, PostingsEnum.FREQS);
                    for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
                        long norm = norms != null && norms.advanceExact(doc) ? norms.longValue() : 1L;
                        perDoc.get(leaf.docBase + doc).computeIfAbsent(term, t -> new float[fields.size()])[f] =
                                scorer.score(postings.freq(), norm);
                    }
                }
            }
        }
        List<List<FeatureField>> out = new ArrayList<>(reader.maxDoc());
        for (int doc = 0; doc < reader.maxDoc(); doc++) {
            List<FeatureField> features = new ArrayList<>();
            for (Map.Entry<String, float[]> entry : perDoc.get(doc).entrySet()) {
                String term = entry.getKey();
                boolean[] isCommon = new boolean[fields.size()];
                for (int f = 0; f < fields.size(); f++) {
                    isCommon[f] = common.contains(fields.get(f) + '\u0000' + term);
                }
                for (Fields.Weighting weighting : weightings) {
                    float all = combine(weighting, fields, entry.getValue(), null);
                    if (all > 0) {
                        features.add(new FeatureField(weighting.field(), term, all));
                    }
                    if (weighting.rareField() != null && commonIn(weighting, fields, isCommon)) {
                        float rare = combine(weighting, fields, entry.getValue(), isCommon);
                        if (rare > 0) {
                            features.add(new FeatureField(weighting.rareField(), term, rare));
                        }
                    }
                }
            }
            out.add(features);
            perDoc.set(doc, null);
        }
        return out;
    }

    private static boolean commonIn(Fields.Weighting weighting, List<String> fields, boolean[] isCommon) {
        for (int f = 0; f < fields.size(); f++) {
            if (isCommon[f] && weighting.weights().containsKey(fields.get(f))) {
                return true;
            }
        }
        return false;
    }

    /** The disjunction-max of the weighted field scores, leaving out the fields marked in {@code skip}. */
    private static float combine(Fields.Weighting weighting, List<String> fields, float[] scores, boolean[] skip) {
        float max = 0;
        float sum = 0;
        for (int f = 0; f < fields.size(); f++) {
            Float weight = weighting.weights().get(fields.get(f));
            if (weight == null || scores[f] == 0 || (skip != null && skip[f])) {
                continue;
            }
            float s = weight * scores[f];
            sum += s;
            max = Math.max(max, s);
        }
        return max + TIE_BREAKER * (sum - max);
    }
}
