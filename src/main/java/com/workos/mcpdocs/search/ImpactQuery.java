package com.workos.mcpdocs.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Objects;
import org.apache.lucene.document.FeatureField;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.BytesRef;

/**
 * One term's stored score ({@link Impacts}) in the documents that contain it, read from memory.
 *
 * <p>A query names each of its terms in several clauses, and a clause read from the index costs a dictionary seek
 * and a fresh postings reader: for a corpus this small, more than scoring the postings. The first query that
 * needs a term reads its postings once with Lucene's own {@link FeatureField} query; later clauses iterate the
 * arrays. The index never changes, so the copy stays exact.
 */
final class ImpactQuery extends Query {

    /** The postings read so far, per index: a term's documents and stored scores, per segment. */
    static final class Postings {

        /** Past this many terms, postings are read for the query and not kept. */
        private static final int MAX_TERMS = 50_000;

        private final IndexSearcher searcher;
        /** Per field and term, its stored scores in each segment. */
        private final TermCache<Segment[]> read = new TermCache<>(MAX_TERMS, this::load);
        private final PairQuery.Positions positions;

        Postings(IndexSearcher searcher) {
            this.searcher = searcher;
            this.positions = new PairQuery.Positions(searcher);
        }

        /** How many terms' postings are kept. */
        int cachedTerms() {
            return read.size();
        }

        /** The term positions read so far in the same index, for pairs of words. */
        PairQuery.Positions positions() {
            return positions;
        }

        /**
         * The documents (numbered in the whole index, ascending) that have a stored score for the term. Not to be
         * changed: with one segment (as {@link IndexBuilder} writes every index) it is the segment's own array.
         */
        int[] documents(String field, String term) {
            var leaves = searcher.getIndexReader().leaves();
            if (leaves.size() == 1) {
                Segment segment = segment(leaves.get(0), field, term);
                return segment == null ? new int[0] : segment.docs;
            }
            int[] out = new int[0];
            for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                Segment segment = segment(leaf, field, term);
                if (segment == null) {
                    continue;
                }
                int at = out.length;
                out = Arrays.copyOf(out, at + segment.docs.length);
                for (int i = 0; i < segment.docs.length; i++) {
                    out[at + i] = leaf.docBase + segment.docs[i];
                }
            }
            return out;
        }

        private Segment segment(LeafReaderContext leaf, String field, String term) {
            return read.get(field, term)[leaf.ord];
        }

        /**
         * The term's postings, read directly: a stored score is the term frequency's bits as a float, as
         * {@link FeatureField} keeps it, and a linear feature query of weight 1 scores exactly that value (the
         * query's weight and scorer objects cost more than the read, for a term seen the first time).
         */
        Segment[] load(String field, String term) {
            try {
                var leaves = searcher.getIndexReader().leaves();
                Segment[] out = new Segment[leaves.size()];
                BytesRef bytes = new BytesRef(term);
                for (LeafReaderContext leaf : leaves) {
                    Terms terms = leaf.reader().terms(field);
                    TermsEnum termsEnum = terms == null ? null : terms.iterator();
                    if (termsEnum == null || !termsEnum.seekExact(bytes)) {
                        continue;
                    }
                    int[] docs = new int[termsEnum.docFreq()];
                    float[] scores = new float[docs.length];
                    PostingsEnum postings = termsEnum.postings(null, PostingsEnum.FREQS);
                    int n = 0;
                    float max = 0;
                    for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
                        if (n == docs.length) {
                            docs = Arrays.copyOf(docs, n * 2);
                            scores = Arrays.copyOf(scores, n * 2);
                        }
                        docs[n] = doc;
                        scores[n] = featureValue(postings.freq());
                        max = Math.max(max, scores[n++]);
                    }
                    out[leaf.ord] = new Segment(Arrays.copyOf(docs, n), Arrays.copyOf(scores, n), max);
                }
                return out;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** The feature value a frequency encodes, as {@code FeatureField} decodes it. */
        private static float featureValue(int freq) {
            return freq > MAX_FREQ ? Float.MAX_VALUE : Float.intBitsToFloat(freq << 15);
        }

        /** The largest frequency that encodes a value; {@code FeatureField} never writes more. */
        private static final int MAX_FREQ = Float.floatToIntBits(Float.MAX_VALUE) >>> 15;
    }

    /** A term's documents in one segment, ascending, and their stored scores. */
    record Segment(int[] docs, float[] scores, float max) {
    }

    private final Postings postings;
    private final String field;
    private final String term;

    ImpactQuery(Postings postings, String field, String term) {
        this.postings = postings;
        this.field = field;
        this.term = term;
    }

    /** The term's documents and stored scores in a segment, or {@code null} when it has none there. */
    Segment segment(LeafReaderContext leaf) {
        return postings.segment(leaf, field, term);
    }

    @Override
    public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) {
        return new Weight(this) {
            @Override
            public Scorer scorer(LeafReaderContext context) {
                Segment segment = postings.segment(context, field, term);
                return segment == null || segment.docs.length == 0 ? null
                        : new ArrayScorer(this, segment.docs, segment.scores, boost, segment.max);
            }

            @Override
            public Explanation explain(LeafReaderContext context, int doc) {
                Segment segment = postings.segment(context, field, term);
                int i = segment == null ? -1 : Arrays.binarySearch(segment.docs, doc);
                return i < 0 ? Explanation.noMatch(term + " not in document")
                        : Explanation.match(boost * segment.scores[i], "stored score of " + field + ":" + term
                        + " times " + boost);
            }

            @Override
            public boolean isCacheable(LeafReaderContext ctx) {
                return false;
            }
        };
    }

    @Override
    public String toString(String defaultField) {
        return "impact(" + field + ":" + term + ")";
    }

    @Override
    public void visit(QueryVisitor visitor) {
        if (visitor.acceptField(field)) {
            visitor.visitLeaf(this);
        }
    }

    @Override
    public boolean equals(Object other) {
        return sameClassAs(other) && field.equals(((ImpactQuery) other).field)
                && term.equals(((ImpactQuery) other).term) && postings == ((ImpactQuery) other).postings;
    }

    @Override
    public int hashCode() {
        // Not Objects.hash: a query's rewrite hashes every clause, and varargs allocate.
        return (31 * classHash() + field.hashCode()) * 31 + term.hashCode();
    }
}
