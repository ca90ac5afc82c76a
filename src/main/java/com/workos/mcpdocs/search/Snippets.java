package com.workos.mcpdocs.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.MatchesIterator;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.Weight;

/**
 * The passage of a hit's section that best matches the query, with the words that matched marked {@code **so**}.
 * Where a word matched is Lucene's answer ({@link Matches}, from the offsets indexed with the section's text): a
 * word is marked only where its analysis gives one of the query's terms.
 */
final class Snippets {

    private static final int MAX_SNIPPET = 260;

    private final List<LeafReaderContext> leaves;
    /** The query's terms on the section text, or {@code null} when it has none. */
    private final Weight terms;

    Snippets(IndexSearcher searcher, Set<String> queryTerms) {
        this.leaves = searcher.getIndexReader().leaves();
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        queryTerms.forEach(t -> query.add(new TermQuery(new Term(Fields.SECTION_TEXT, t)), BooleanClause.Occur.SHOULD));
        try {
            this.terms = queryTerms.isEmpty() ? null : searcher.createWeight(searcher.rewrite(query.build()),
                    ScoreMode.COMPLETE_NO_SCORES, 1f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Span(int start, int end) {
    }

    /** A match: where, and which query term. */
    private record Match(int start, int end, Query term) {
    }

    /** The best sentence (with the next one when it is short) of a section's {@code text}, matches marked. */
    String best(int doc, String text) {
        List<Span> sentences = sentences(text);
        if (sentences.isEmpty()) {
            return "";
        }
        List<Match> matches = matches(doc);
        // The sentence with the most distinct query terms, the first among equals.
        int bestIndex = 0;
        int bestCount = 0;
        int m = 0;
        for (int s = 0; s < sentences.size(); s++) {
            Span sentence = sentences.get(s);
            Set<Query> found = new HashSet<>();
            while (m < matches.size() && matches.get(m).start() < sentence.end()) {
                if (matches.get(m).start() >= sentence.start()) {
                    found.add(matches.get(m).term());
                }
                m++;
            }
            if (found.size() > bestCount) {
                bestCount = found.size();
                bestIndex = s;
            }
        }
        Span chosen = sentences.get(bestIndex);
        if (chosen.end() - chosen.start() < MAX_SNIPPET / 2 && bestIndex + 1 < sentences.size()) {
            chosen = new Span(chosen.start(), sentences.get(bestIndex + 1).end());
        }
        boolean cut = chosen.end() - chosen.start() > MAX_SNIPPET;
        int end = cut ? chosen.start() + MAX_SNIPPET - 1 : chosen.end();
        StringBuilder out = new StringBuilder();
        int at = chosen.start();
        for (Match match : matches) {
            if (match.start() >= at && match.end() <= end) {
                out.append(text, at, match.start()).append("**").append(text, match.start(), match.end())
                        .append("**");
                at = match.end();
            }
        }
        out.append(text, at, end);
        String snippet = plain(out.toString());
        return cut ? snippet + "…" : snippet;
    }

    /** The matches of the query's terms in a section's text, in order of their offsets. */
    private List<Match> matches(int doc) {
        List<Match> out = new ArrayList<>();
        if (terms == null) {
            return out;
        }
        try {
            LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
            Matches matches = terms.matches(leaf, doc - leaf.docBase);
            MatchesIterator it = matches == null ? null : matches.getMatches(Fields.SECTION_TEXT);
            while (it != null && it.next()) {
                if (it.startOffset() >= 0 && (out.isEmpty() || it.startOffset() >= out.get(out.size() - 1).end())) {
                    out.add(new Match(it.startOffset(), it.endOffset(), it.getQuery()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** A passage on one line: runs of whitespace as one space, without a leading heading or list marker. */
    static String plain(String text) {
        return text.replaceAll("\\s+", " ").replaceFirst("^(#+|[-*>]) ", "").strip();
    }

    /**
     * The sentences of a text: one ends at whitespace after {@code . ! ? :} and at a line break; what is only
     * markup (a table rule, a bullet, hashes) is not a sentence.
     */
    static List<Span> sentences(String text) {
        List<Span> out = new ArrayList<>();
        int start = 0;
        for (int at = 0; at <= text.length(); at++) {
            boolean end = at == text.length() || text.charAt(at) == '\n'
                    || (Character.isWhitespace(text.charAt(at)) && at > 0 && ".!?:".indexOf(text.charAt(at - 1)) >= 0);
            if (!end) {
                continue;
            }
            String sentence = text.substring(start, at);
            String stripped = sentence.strip();
            if (stripped.length() > 2 && !stripped.chars().allMatch(c -> "#>|-*: ".indexOf(c) >= 0)) {
                int lead = sentence.indexOf(stripped.charAt(0));
                out.add(new Span(start + lead, start + lead + stripped.length()));
            }
            start = at + 1;
        }
        return out;
    }
}
