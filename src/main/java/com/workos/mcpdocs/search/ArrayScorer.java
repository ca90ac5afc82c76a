package com.workos.mcpdocs.search;

import java.util.Arrays;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;

/** Documents (ascending) and their scores, from arrays, each score times a boost. */
final class ArrayScorer extends Scorer {
    private final int[] docs;
    private final float[] scores;
    private final float boost;
    private final float max;
    private int index = -1;
    private int doc = -1;
    private final DocIdSetIterator iterator = new DocIdSetIterator() {
        @Override
        public int docID() {
            return doc;
        }

        @Override
        public int nextDoc() {
            index++;
            return doc = index < docs.length ? docs[index] : NO_MORE_DOCS;
        }

        @Override
        public int advance(int target) {
            int from = Math.max(index + 1, 0);
            int i = Arrays.binarySearch(docs, from, docs.length, target);
            index = i >= 0 ? i : -i - 1;
            return doc = index < docs.length ? docs[index] : NO_MORE_DOCS;
        }

        @Override
        public long cost() {
            return docs.length;
        }
    };

    /** @param max the largest of {@code scores} */
    ArrayScorer(Weight weight, int[] docs, float[] scores, float boost, float max) {
        super(weight);
        this.docs = docs;
        this.scores = scores;
        this.boost = boost;
        this.max = max;
    }

    @Override
    public int docID() {
        return doc;
    }

    @Override
    public DocIdSetIterator iterator() {
        return iterator;
    }

    @Override
    public float getMaxScore(int upTo) {
        return boost * max;
    }

    @Override
    public float score() {
        return boost * scores[index];
    }
}
