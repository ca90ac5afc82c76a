package com.workos.mcpdocs.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.document.Document;
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
 * Per-term document scores computed when the index is written, so a query scores each of its terms once instead
 * of once per field.
 *
 * <p>A term's score in a document is the BM25 score of the term in each field (Lucene's own similarity, with the
 * field's statistics), times the field's weight, combined as a disjunction-max: the best field counts in full and
 * the others at {@link #TIE_BREAKER}. That is exactly what a per-field query would compute at search time; stored as
 * a {@link FeatureField} per {@link Weighting}, it is read back with a single linear feature query.
 *
 * <p>Words found in most documents of a field are left out of long queries for that field (they barely move a
 * score): a second feature per weighting, {@link Weighting#rareField()}, holds the score without the fields where
 * the term is common. It is written only for terms common somewhere.
 */
final class Impacts {

    /** How strongly a term found in the best field counts in the other fields it also appears in. */
    static final float TIE_BREAKER = 0.25f;
    /** A word in more than this share of a field's documents is common there. */
    static final double COMMON_SHARE = 0.3;

    /** A weighting's feature field names, by its name (made once: a query asks for them hundreds of times). */
    private static final Map<String, String> FIELD_NAMES = new ConcurrentHashMap<>();
    private static final Map<String, String> RARE_FIELD_NAMES = new ConcurrentHashMap<>();

    /**
     * A way of weighing an index's fields, stored as feature fields named after it.
     *
     * @param dropsCommon whether long queries leave out the fields where a term is common (then a second, "rare"
     *                    feature is stored for the terms common somewhere)
     */
    record Weighting(String name, Map<String, Float> weights, boolean dropsCommon) {

        /** The feature field holding every field's contribution. */
        String field() {
            return FIELD_NAMES.computeIfAbsent(name, n -> "impact_" + n);
        }

        /** The feature field without the fields where the term is common. */
        String rareField() {
            return RARE_FIELD_NAMES.computeIfAbsent(name, n -> "impact_" + n + "_rare");
        }
    }

    /** Whether a term is common in a field (decided on the page index for both indexes). */
    interface Commonness {
        boolean isCommon(String field, String term);

        /**
         * The terms in more than {@link #COMMON_SHARE} of a field's documents in {@code reader}, found in one walk
         * of each field's dictionary (a lookup per term and field costs a seek each).
         */
        static Commonness of(IndexReader reader, Collection<String> fields) throws IOException {
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
            return (field, term) -> common.contains(field + '\u0000' + term);
        }
    }

    private Impacts() {
    }

    /**
     * For each document of {@code reader}, in order, a document with the feature fields of every weighting (empty
     * when the document has no term in any weighted field).
     */
    static List<Document> of(IndexReader reader, List<Weighting> weightings, Commonness commonness)
            throws IOException {
        Set<String> fieldSet = new LinkedHashSet<>();
        weightings.forEach(w -> fieldSet.addAll(w.weights().keySet()));
        List<String> fields = new ArrayList<>(fieldSet);
        // Per document: term -> BM25 score in each field (index as in `fields`).
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
                TermsEnum termsEnum = terms.iterator();
                PostingsEnum postings = null;
                BytesRef bytes;
                while ((bytes = termsEnum.next()) != null) {
                    String term = bytes.utf8ToString();
                    Similarity.SimScorer scorer = similarity.scorer(1f, collection, searcher.termStatistics(
                            new Term(field, bytes), termsEnum.docFreq(), termsEnum.totalTermFreq()));
                    NumericDocValues norms = leafReader.getNormValues(field);
                    postings = termsEnum.postings(postings, PostingsEnum.FREQS);
                    for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS;
                         doc = postings.nextDoc()) {
                        long norm = norms != null && norms.advanceExact(doc) ? norms.longValue() : 1L;
                        float score = scorer.score(postings.freq(), norm);
                        perDoc.get(leaf.docBase + doc).computeIfAbsent(term, t -> new float[fields.size()])[f] =
                                score;
                    }
                }
            }
        }
        Map<String, boolean[]> common = new HashMap<>();
        List<Document> documents = new ArrayList<>(reader.maxDoc());
        for (int doc = 0; doc < reader.maxDoc(); doc++) {
            Document document = new Document();
            documents.add(document);
            for (Map.Entry<String, float[]> entry : perDoc.get(doc).entrySet()) {
                String term = entry.getKey();
                float[] scores = entry.getValue();
                boolean[] isCommon = common.computeIfAbsent(term, t -> {
                    boolean[] c = new boolean[fields.size()];
                    for (int f = 0; f < fields.size(); f++) {
                        c[f] = commonness.isCommon(fields.get(f), t);
                    }
                    return c;
                });
                for (Weighting weighting : weightings) {
                    float all = combine(weighting, fields, scores, null);
                    if (all > 0) {
                        document.add(new FeatureField(weighting.field(), term, all));
                    }
                    if (weighting.dropsCommon() && commonIn(weighting, fields, isCommon)) {
                        float rare = combine(weighting, fields, scores, isCommon);
                        if (rare > 0) {
                            document.add(new FeatureField(weighting.rareField(), term, rare));
                        }
                    }
                }
            }
            perDoc.set(doc, null);
        }
        return documents;
    }

    /** Whether the term is common in one of the fields the weighting counts (only then is a rare score needed). */
    private static boolean commonIn(Weighting weighting, List<String> fields, boolean[] isCommon) {
        for (int f = 0; f < fields.size(); f++) {
            if (isCommon[f] && weighting.weights().containsKey(fields.get(f))) {
                return true;
            }
        }
        return false;
    }

    /** The disjunction-max of the weighted field scores, leaving out the fields marked in {@code skip}. */
    private static float combine(Weighting weighting, List<String> fields, float[] scores, boolean[] skip) {
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
