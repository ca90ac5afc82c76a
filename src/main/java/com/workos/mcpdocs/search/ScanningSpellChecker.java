package com.workos.mcpdocs.search;

import java.io.IOException;
import java.util.Collection;
import java.util.Collections;
import java.util.PriorityQueue;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.CharsRefBuilder;
import org.apache.lucene.util.StringHelper;
import org.apache.lucene.util.UnicodeUtil;

/**
 * Lucene's {@link DirectSpellChecker} with the same answers, found by walking the terms that share the required
 * prefix and measuring each one's edit distance, instead of building Levenshtein automata for every word looked up.
 *
 * <p>For a corpus this size the walk is short (the terms under one first letter), while the automata for a word
 * (one per edit distance, compiled to UTF-8) cost a millisecond or more under the client JIT: most of the planning
 * of a query with a typo in it. The candidates, their similarity ({@code 1 - edits / shorter length}, edits counting
 * a swap of neighbours as one, as Lucene's fuzzy matching does) and the order in which they compete are Lucene's,
 * so the corrections are the same; {@code ScanningSpellCheckerTest} compares the two on thousands of misspellings.
 */
final class ScanningSpellChecker extends DirectSpellChecker {

    ScanningSpellChecker(int maxEdits) {
        setMaxEdits(maxEdits);
    }

    @Override
    protected Collection<ScoreTerm> suggestSimilar(Term term, int numSug, IndexReader ir, int docfreq,
                                                   int editDistance, float accuracy, CharsRefBuilder spare)
            throws IOException {
        Terms terms = MultiTerms.getTerms(ir, term.field());
        if (terms == null) {
            return Collections.emptyList();
        }
        int[] query = term.text().codePoints().toArray();
        int prefixLength = Math.min(Math.max(getMinPrefix(), editDistance - 1), query.length);
        BytesRef prefix = new BytesRef(new String(query, 0, prefixLength));
        BytesRef queryTerm = new BytesRef(term.text());
        TermsEnum candidates = terms.iterator();
        if (candidates.seekCeil(prefix) == TermsEnum.SeekStatus.END) {
            return Collections.emptyList();
        }
        PriorityQueue<ScoreTerm> queue = new PriorityQueue<>();
        int[] candidate = new int[query.length + editDistance + 1];
        int[][] rows = new int[3][query.length + 1];
        for (BytesRef bytes = candidates.term(); bytes != null && StringHelper.startsWith(bytes, prefix);
             bytes = candidates.next()) {
            // A term of many more or fewer letters is too far; its letters are only counted when near the length.
            if (bytes.length > 4 * (query.length + editDistance) || bytes.length < query.length - editDistance) {
                continue;
            }
            int length = UnicodeUtil.UTF8toUTF32(bytes, candidate.length >= bytes.length ? candidate
                    : (candidate = new int[bytes.length]));
            if (Math.abs(length - query.length) > editDistance) {
                continue;
            }
            int edits = edits(query, candidate, length, prefixLength, editDistance, rows);
            if (edits > editDistance) {
                continue;
            }
            float score = edits == 0 ? 1f : 1f - (float) edits / Math.min(length, query.length);
            // From here on, DirectSpellChecker's own loop.
            if (queue.size() >= numSug && score <= queue.peek().boost) {
                continue;
            }
            if (queryTerm.bytesEquals(bytes)) {
                continue;
            }
            int df = candidates.docFreq();
            if (df <= docfreq || score < accuracy) {
                continue;
            }
            ScoreTerm st = new ScoreTerm();
            st.term = BytesRef.deepCopyOf(bytes);
            st.boost = score;
            st.docfreq = df;
            st.score = score;
            queue.offer(st);
            if (queue.size() > numSug) {
                queue.poll();
            }
        }
        return queue;
    }

    /**
     * Edits (insertions, deletions, substitutions, swaps of two neighbours) between the query and a candidate past
     * their common prefix; anything above {@code max} is reported as {@code max + 1}.
     */
    static int edits(int[] query, int[] candidate, int length, int from, int max, int[][] rows) {
        int n = query.length - from;
        int m = length - from;
        int[] before = rows[0];
        int[] previous = rows[1];
        int[] current = rows[2];
        for (int j = 0; j <= n; j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= m; i++) {
            current[0] = i;
            int best = i;
            int c = candidate[from + i - 1];
            for (int j = 1; j <= n; j++) {
                int q = query[from + j - 1];
                int cost = c == q ? 0 : 1;
                int value = Math.min(Math.min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && c == query[from + j - 2] && candidate[from + i - 2] == q) {
                    value = Math.min(value, before[j - 2] + 1);
                }
                current[j] = value;
                best = Math.min(best, value);
            }
            if (best > max) {
                return max + 1;
            }
            int[] oldest = before;
            before = previous;
            previous = current;
            current = oldest;
        }
        return Math.min(previous[n], max + 1);
    }
}
