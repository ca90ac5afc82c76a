package com.workos.mcpdocs.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;
import org.apache.lucene.search.similarities.Similarity;
import org.apache.lucene.util.BytesRef;

/**
 * Two words standing next to each other in a field (an exact phrase of two terms), scored exactly as Lucene's
 * {@code PhraseQuery} scores it (the searcher's similarity over the phrase's frequency in the document, with the
 * idf of both terms), from term positions kept in memory.
 *
 * <p>A long question makes a pair of each two neighbouring words, and each pair runs on both indexes: read through
 * Lucene, every one costs two dictionary seeks, two positional postings readers and a two-phase iteration, which
 * under the client JIT was a third of a search. Here a term's positions are read once and later pairs intersect
 * arrays. The index never changes, so the copy stays exact; what it holds is bounded by the positions of the field.
 */
final class PairQuery extends Query {

    /** Positions read so far in one index: per field and term, the documents, frequencies and positions. */
    static final class Positions {

        /** Past this many terms, positions are read for the query and not kept. */
        private static final int MAX_TERMS = 20_000;

        private final IndexSearcher searcher;
        private final TermCache<TermPositions> read = new TermCache<>(MAX_TERMS, this::load);

        Positions(IndexSearcher searcher) {
            this.searcher = searcher;
        }

        TermPositions of(String field, String term) {
            return read.get(field, term);
        }

        private TermPositions load(String field, String term) {
            try {
                var leaves = searcher.getIndexReader().leaves();
                Leaf[] perLeaf = new Leaf[leaves.size()];
                int docFreq = 0;
                long totalTermFreq = 0;
                BytesRef bytes = new BytesRef(term);
                for (LeafReaderContext leaf : leaves) {
                    Terms terms = leaf.reader().terms(field);
                    TermsEnum termsEnum = terms == null ? null : terms.iterator();
                    if (termsEnum == null || !termsEnum.seekExact(bytes)) {
                        continue;
                    }
                    docFreq += termsEnum.docFreq();
                    totalTermFreq += termsEnum.totalTermFreq();
                    PostingsEnum postings = termsEnum.postings(null, PostingsEnum.POSITIONS);
                    int[] docs = new int[termsEnum.docFreq()];
                    int[] starts = new int[docs.length + 1];
                    int[] positions = new int[(int) Math.min(Integer.MAX_VALUE - 8, termsEnum.totalTermFreq())];
                    int n = 0;
                    int p = 0;
                    for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS;
                         doc = postings.nextDoc()) {
                        int freq = postings.freq();
                        if (p + freq > positions.length) {
                            positions = Arrays.copyOf(positions, Math.max(positions.length * 2, p + freq));
                        }
                        if (n == docs.length) {
                            docs = Arrays.copyOf(docs, n * 2 + 1);
                            starts = Arrays.copyOf(starts, n * 2 + 2);
                        }
                        docs[n] = doc;
                        starts[n] = p;
                        for (int i = 0; i < freq; i++) {
                            positions[p++] = postings.nextPosition();
                        }
                        n++;
                    }
                    starts[n] = p;
                    perLeaf[leaf.ord] = new Leaf(Arrays.copyOf(docs, n), Arrays.copyOf(starts, n + 1),
                            Arrays.copyOf(positions, p));
                }
                return new TermPositions(perLeaf, docFreq, totalTermFreq);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** A term's documents in one segment, each with its positions ({@code positions[starts[i]..starts[i + 1])}). */
    record Leaf(int[] docs, int[] starts, int[] positions) {
    }

    /** A term's positions in every segment, with the statistics its idf is computed from. */
    record TermPositions(Leaf[] leaves, int docFreq, long totalTermFreq) {
    }

    private final Positions index;
    private final String field;
    private final String first;
    private final String second;

    PairQuery(Positions index, String field, String first, String second) {
        this.index = index;
        this.field = field;
        this.first = first;
        this.second = second;
    }

    @Override
    public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) throws IOException {
        TermPositions a = index.of(field, first);
        TermPositions b = index.of(field, second);
        CollectionStatistics collection = searcher.collectionStatistics(field);
        Similarity.SimScorer similarity = a.docFreq() == 0 || b.docFreq() == 0 || collection == null ? null
                : searcher.getSimilarity().scorer(boost, collection,
                searcher.termStatistics(new Term(field, first), a.docFreq(), a.totalTermFreq()),
                searcher.termStatistics(new Term(field, second), b.docFreq(), b.totalTermFreq()));
        return new Weight(this) {
            @Override
            public Scorer scorer(LeafReaderContext context) throws IOException {
                if (similarity == null) {
                    return null;
                }
                Matches matches = match(a.leaves()[context.ord], b.leaves()[context.ord]);
                if (matches.count == 0) {
                    return null;
                }
                NumericDocValues norms = context.reader().getNormValues(field);
                float[] scores = new float[matches.count];
                float max = 0;
                for (int i = 0; i < matches.count; i++) {
                    long norm = 1L;
                    if (norms != null) {
                        norm = norms.advanceExact(matches.docs[i]) ? norms.longValue() : 0L;
                    }
                    scores[i] = similarity.score(matches.freqs[i], norm);
                    max = Math.max(max, scores[i]);
                }
                return new ArrayScorer(this, Arrays.copyOf(matches.docs, matches.count), scores, 1f, max);
            }

            @Override
            public Explanation explain(LeafReaderContext context, int doc) throws IOException {
                Scorer scorer = scorer(context);
                if (scorer == null || scorer.iterator().advance(doc) != doc) {
                    return Explanation.noMatch("'" + first + " " + second + "' not in document");
                }
                return Explanation.match(scorer.score(), "pair '" + first + " " + second + "' in " + field);
            }

            @Override
            public boolean isCacheable(LeafReaderContext ctx) {
                return false;
            }
        };
    }

    /** The documents where a position of {@code b} directly follows one of {@code a}, with how often it does. */
    private static Matches match(Leaf a, Leaf b) {
        if (a == null || b == null) {
            return new Matches(new int[0], new int[0], 0);
        }
        int size = Math.min(a.docs().length, b.docs().length);
        int[] docs = new int[size];
        int[] freqs = new int[size];
        int count = 0;
        int i = 0;
        int j = 0;
        while (i < a.docs().length && j < b.docs().length) {
            int da = a.docs()[i];
            int db = b.docs()[j];
            if (da < db) {
                i++;
            } else if (db < da) {
                j++;
            } else {
                int freq = adjacent(a.positions(), a.starts()[i], a.starts()[i + 1], b.positions(), b.starts()[j],
                        b.starts()[j + 1]);
                if (freq > 0) {
                    docs[count] = da;
                    freqs[count++] = freq;
                }
                i++;
                j++;
            }
        }
        return new Matches(docs, freqs, count);
    }

    /** How many positions p of the first sorted run have p + 1 in the second. */
    private static int adjacent(int[] first, int from, int to, int[] second, int secondFrom, int secondTo) {
        int freq = 0;
        int k = secondFrom;
        for (int x = from; x < to; x++) {
            int want = first[x] + 1;
            while (k < secondTo && second[k] < want) {
                k++;
            }
            if (k == secondTo) {
                break;
            }
            if (second[k] == want) {
                freq++;
            }
        }
        return freq;
    }

    private record Matches(int[] docs, int[] freqs, int count) {
    }

    @Override
    public String toString(String defaultField) {
        return "pair(" + field + ":\"" + first + " " + second + "\")";
    }

    @Override
    public void visit(QueryVisitor visitor) {
        if (visitor.acceptField(field)) {
            visitor.visitLeaf(this);
        }
    }

    @Override
    public boolean equals(Object other) {
        return sameClassAs(other) && field.equals(((PairQuery) other).field)
                && first.equals(((PairQuery) other).first) && second.equals(((PairQuery) other).second)
                && index == ((PairQuery) other).index;
    }

    @Override
    public int hashCode() {
        return ((31 * classHash() + field.hashCode()) * 31 + first.hashCode()) * 31 + second.hashCode();
    }
}
