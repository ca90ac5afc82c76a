package com.workos.mcpdocs.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;

/**
 * Scores a query one clause at a time into per-document accumulators, where Lucene's scorers go one document at a
 * time through every clause at once.
 *
 * <p>A query here is dozens of clauses over a few hundred documents: Lucene keeps the clauses in a priority queue
 * ordered by their current document and re-sorts it at every step, which was most of a search's time. Clause by
 * clause, each clause's matches are simply added to the documents they name. The result is the one Lucene's
 * scorers compute, operation for operation: a sum of clauses adds their float scores as doubles and rounds once
 * (as {@code DisjunctionSumScorer} and {@code ConjunctionScorer} do), a disjunction-max keeps its best score and the
 * sum of the others the same way, boosts multiply into the leaves' weights, and every other query (a phrase, a
 * filter, a leaf) is scored by its own Lucene scorer. Only the order in which a document's clauses are added may
 * differ, which a double sum of a few dozen floats does not show after rounding ({@code TermAtATimeTest}).
 *
 * <p>A phrase is scored by Lucene only in the documents where it may match, found from the term positions kept in
 * memory ({@link PairQuery.Positions}): setting up Lucene's sloppy phrase scorer reads the positional postings of
 * every term, and for a question of several words no document or only a few have them all close together.
 *
 * <p>One instance per search at a time (it keeps its buffers between searches); the index must be one segment.
 */
final class TermAtATime {

    /** What is kept per document for one level of the query tree. */
    private static final class Level {
        final float[] value;
        final double[] sum;
        final float[] max;
        final int[] count;
        final int[] stamp;
        final int[] docs;
        int size;
        int generation;

        Level(int maxDoc) {
            value = new float[maxDoc];
            sum = new double[maxDoc];
            max = new float[maxDoc];
            count = new int[maxDoc];
            stamp = new int[maxDoc];
            docs = new int[maxDoc];
        }

        void reset() {
            size = 0;
            if (++generation == 0) {
                Arrays.fill(stamp, 0);
                generation = 1;
            }
        }

        boolean has(int doc) {
            return stamp[doc] == generation;
        }

        /** Adds the document with nothing accumulated yet, unless it is here already. */
        void touch(int doc) {
            if (stamp[doc] != generation) {
                stamp[doc] = generation;
                docs[size++] = doc;
                sum[doc] = 0;
                max[doc] = 0;
                count[doc] = 0;
            }
        }
    }

    /** Receives the matching documents with their scores. */
    interface Sink {
        void accept(int doc, float score);
    }

    private final IndexSearcher searcher;
    private final LeafReaderContext leaf;
    private final int maxDoc;
    private final List<Level> levels = new ArrayList<>();
    private boolean[] allowed;
    /** The index's term positions kept in memory, or {@code null}: then phrases are scored by Lucene alone. */
    private final PairQuery.Positions positions;

    TermAtATime(IndexSearcher searcher) {
        this(searcher, null);
    }

    /** @param positions the term positions of {@code searcher}'s index kept in memory, or {@code null} */
    TermAtATime(IndexSearcher searcher, PairQuery.Positions positions) {
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        if (!applies(searcher)) {
            throw new IllegalArgumentException("clause-at-a-time scoring needs an index of one segment");
        }
        this.searcher = searcher;
        this.leaf = leaves.get(0);
        this.maxDoc = leaf.reader().maxDoc();
        this.positions = positions;
    }

    /** Whether the index is one segment, as {@link IndexBuilder} writes it. */
    static boolean applies(IndexSearcher searcher) {
        return searcher.getIndexReader().leaves().size() == 1;
    }

    /**
     * Scores the documents that match {@code query}.
     *
     * @param only      the documents that may be scored ({@code only[doc]}), or {@code null} for all
     * @param ascending whether the sink must see the documents in ascending order (else in any order)
     */
    void score(Query query, boolean[] only, boolean ascending, Sink sink) throws IOException {
        this.allowed = only;
        Level top = eval(query, 1f, 0);
        int[] docs = Arrays.copyOf(top.docs, top.size);
        if (ascending) {
            Arrays.sort(docs);
        }
        for (int doc : docs) {
            sink.accept(doc, top.value[doc]);
        }
    }

    private Level level(int depth) {
        while (levels.size() <= depth) {
            levels.add(new Level(maxDoc));
        }
        Level level = levels.get(depth);
        level.reset();
        return level;
    }

    /**
     * The node's score of each document it matches, in {@code value} of the level at {@code depth}. The query is
     * taken as built, not rewritten by Lucene first (rewriting a tree of dozens of clauses, pass after pass until
     * nothing changes, cost as much as scoring one index): what Lucene's rewriting would change in how a query of
     * the planner's shapes scores is done here as the tree is walked (a clause or disjunct alone stands for its
     * query, a nested pure disjunction adds its clauses to the enclosing sum), and leaves are rewritten one by one.
     */
    private Level eval(Query query, float boost, int depth) throws IOException {
        if (query instanceof BoostQuery boosted) {
            return eval(boosted.getQuery(), boost * boosted.getBoost(), depth);
        }
        if (query instanceof DisjunctionMaxQuery max) {
            if (max.getDisjuncts().size() == 1) {
                return eval(max.getDisjuncts().iterator().next(), boost, depth);
            }
            return disjunctionMax(max, boost, depth);
        }
        if (query instanceof BooleanQuery bool && bool.clauses().size() == 1 && bool.getMinimumNumberShouldMatch() == 0
                && bool.clauses().get(0).getOccur() != BooleanClause.Occur.FILTER
                && bool.clauses().get(0).getOccur() != BooleanClause.Occur.MUST_NOT) {
            return eval(bool.clauses().get(0).getQuery(), boost, depth);
        }
        if (query instanceof BooleanQuery bool && bool.getMinimumNumberShouldMatch() == 0) {
            boolean should = false;
            boolean required = false;
            boolean other = false;
            for (BooleanClause clause : bool.clauses()) {
                switch (clause.getOccur()) {
                    case SHOULD -> should = true;
                    case MUST, FILTER -> required = true;
                    default -> other = true;
                }
            }
            if (should && !required && !other) {
                return sum(bool, boost, depth);
            }
            if (required && !should && !other) {
                return conjunction(bool, boost, depth);
            }
        }
        return leaf(query, boost, depth);
    }

    /** Any other query, by its own scorer; a stored term score from its arrays, as its scorer would. */
    private Level leaf(Query query, float boost, int depth) throws IOException {
        Level out = level(depth);
        if (query instanceof ImpactQuery impact) {
            ImpactQuery.Segment segment = impact.segment(leaf);
            if (segment != null) {
                int[] docs = segment.docs();
                float[] scores = segment.scores();
                for (int i = 0; i < docs.length; i++) {
                    int doc = docs[i];
                    if (allowed == null || allowed[doc]) {
                        out.touch(doc);
                        out.value[doc] = boost * scores[i];
                    }
                }
            }
            return out;
        }
        int[] candidates = null;
        if (query instanceof PhraseQuery phrase && positions != null) {
            candidates = mayMatch(phrase);
            if (candidates.length == 0) {
                return out;
            }
        }
        Weight weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE, boost);
        Scorer scorer = weight.scorer(leaf);
        if (scorer == null) {
            return out;
        }
        DocIdSetIterator it = scorer.iterator();
        if (candidates != null) {
            // Lucene's matches are among the candidates: only they are visited.
            int doc = it.docID();
            for (int target : candidates) {
                if (doc < target) {
                    doc = it.advance(target);
                }
                if (doc == DocIdSetIterator.NO_MORE_DOCS) {
                    break;
                }
                if (doc == target) {
                    out.touch(doc);
                    out.value[doc] = scorer.score();
                }
            }
            return out;
        }
        for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
            if (allowed == null || allowed[doc]) {
                out.touch(doc);
                out.value[doc] = scorer.score();
            }
        }
        return out;
    }

    /**
     * The allowed documents, ascending, where {@code phrase} may match: a sloppy phrase matches where each of its
     * terms stands at its own place in the phrase, give or take, and all within the slop of one another (Lucene's
     * match length). So a document must have every term, and some position of its rarest term there must have each
     * other term within the slop of its place relative to it. That is necessary, not sufficient: Lucene decides.
     */
    private int[] mayMatch(PhraseQuery phrase) {
        Term[] terms = phrase.getTerms();
        int[] offsets = phrase.getPositions();
        PairQuery.Leaf[] found = new PairQuery.Leaf[terms.length];
        int shortest = 0;
        for (int t = 0; t < terms.length; t++) {
            found[t] = positions.of(terms[t].field(), terms[t].text()).leaves()[leaf.ord];
            if (found[t] == null) {
                return new int[0];
            }
            if (found[t].docs().length < found[shortest].docs().length) {
                shortest = t;
            }
        }
        int[] out = new int[found[shortest].docs().length];
        int count = 0;
        int[] at = new int[terms.length];
        for (int doc : found[shortest].docs()) {
            if (allowed != null && !allowed[doc] || !allHave(found, doc, at)) {
                continue;
            }
            if (withinSlop(found, offsets, at, phrase.getSlop())) {
                out[count++] = doc;
            }
        }
        return Arrays.copyOf(out, count);
    }

    /** Whether every term has the document; {@code at[t]} is then its index in term {@code t}'s documents. */
    private static boolean allHave(PairQuery.Leaf[] terms, int doc, int[] at) {
        for (int t = 0; t < terms.length; t++) {
            at[t] = Arrays.binarySearch(terms[t].docs(), doc);
            if (at[t] < 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether some position of the term with the fewest positions in the document has every other term within
     * {@code slop} of its place in the phrase relative to it ({@code at}: the document's index per term).
     */
    private static boolean withinSlop(PairQuery.Leaf[] terms, int[] offsets, int[] at, int slop) {
        int anchor = 0;
        for (int t = 1; t < terms.length; t++) {
            if (freq(terms[t], at[t]) < freq(terms[anchor], at[anchor])) {
                anchor = t;
            }
        }
        PairQuery.Leaf a = terms[anchor];
        for (int p = a.starts()[at[anchor]]; p < a.starts()[at[anchor] + 1]; p++) {
            int place = a.positions()[p] - offsets[anchor];
            boolean all = true;
            for (int t = 0; t < terms.length && all; t++) {
                if (t != anchor) {
                    all = hasBetween(terms[t], at[t], place + offsets[t] - slop, place + offsets[t] + slop);
                }
            }
            if (all) {
                return true;
            }
        }
        return false;
    }

    private static int freq(PairQuery.Leaf term, int index) {
        return term.starts()[index + 1] - term.starts()[index];
    }

    /** Whether the term has a position from {@code low} to {@code high} in the document at {@code index}. */
    private static boolean hasBetween(PairQuery.Leaf term, int index, int low, int high) {
        int[] positions = term.positions();
        int from = term.starts()[index];
        int to = term.starts()[index + 1];
        while (from < to) {
            int middle = (from + to) >>> 1;
            if (positions[middle] < low) {
                from = middle + 1;
            } else {
                to = middle;
            }
        }
        return from < term.starts()[index + 1] && positions[from] <= high;
    }

    /**
     * Clauses that may match: their scores added up as doubles, rounded once. The clauses of a clause that is itself
     * a pure disjunction are added here, as Lucene's rewriting flattens them into this one.
     */
    private Level sum(BooleanQuery query, float boost, int depth) throws IOException {
        Level out = level(depth);
        addClauses(query, boost, out, depth);
        for (int i = 0; i < out.size; i++) {
            int doc = out.docs[i];
            out.value[doc] = (float) out.sum[doc];
        }
        return out;
    }

    private void addClauses(BooleanQuery query, float boost, Level out, int depth) throws IOException {
        for (BooleanClause clause : query.clauses()) {
            if (clause.getQuery() instanceof BooleanQuery inner && isPureDisjunction(inner)) {
                addClauses(inner, boost, out, depth);
                continue;
            }
            Level part = eval(clause.getQuery(), boost, depth + 1);
            for (int i = 0; i < part.size; i++) {
                int doc = part.docs[i];
                out.touch(doc);
                out.sum[doc] += part.value[doc];
            }
        }
    }

    /** Only optional clauses, at most one of which must match (as Lucene's {@code isPureDisjunction}). */
    private static boolean isPureDisjunction(BooleanQuery query) {
        if (query.getMinimumNumberShouldMatch() > 1) {
            return false;
        }
        for (BooleanClause clause : query.clauses()) {
            if (clause.getOccur() != BooleanClause.Occur.SHOULD) {
                return false;
            }
        }
        return true;
    }

    /** Clauses that must all match; the scoring ones ({@code MUST}) added up as doubles, rounded once. */
    private Level conjunction(BooleanQuery query, float boost, int depth) throws IOException {
        Level out = level(depth);
        List<BooleanClause> clauses = query.clauses();
        for (int c = 0; c < clauses.size(); c++) {
            BooleanClause clause = clauses.get(c);
            Level part = eval(clause.getQuery(), boost, depth + 1);
            boolean scoring = clause.getOccur() == BooleanClause.Occur.MUST;
            for (int i = 0; i < part.size; i++) {
                int doc = part.docs[i];
                if (c == 0) {
                    out.touch(doc);
                } else if (!out.has(doc)) {
                    continue;
                }
                out.count[doc]++;
                if (scoring) {
                    out.sum[doc] += part.value[doc];
                }
            }
        }
        int kept = 0;
        for (int i = 0; i < out.size; i++) {
            int doc = out.docs[i];
            if (out.count[doc] == clauses.size()) {
                out.value[doc] = (float) out.sum[doc];
                out.docs[kept++] = doc;
            } else {
                out.stamp[doc] = out.generation - 1;
            }
        }
        out.size = kept;
        return out;
    }

    /** The best clause's score plus the others' times the tie-breaker, as {@code DisjunctionMaxScorer} adds them. */
    private Level disjunctionMax(DisjunctionMaxQuery query, float boost, int depth) throws IOException {
        Level out = level(depth);
        for (Query disjunct : query.getDisjuncts()) {
            Level part = eval(disjunct, boost, depth + 1);
            for (int i = 0; i < part.size; i++) {
                int doc = part.docs[i];
                float score = part.value[doc];
                out.touch(doc);
                if (score >= out.max[doc]) {
                    out.sum[doc] += out.max[doc];
                    out.max[doc] = score;
                } else {
                    out.sum[doc] += score;
                }
            }
        }
        float tie = query.getTieBreakerMultiplier();
        for (int i = 0; i < out.size; i++) {
            int doc = out.docs[i];
            out.value[doc] = (float) (out.max[doc] + out.sum[doc] * tie);
        }
        return out;
    }
}
