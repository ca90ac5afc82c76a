package com.workos.mcpdocs.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.util.BytesRef;

/**
 * The passage of a hit's section that best matches the query, as text, with the words marked {@code **so**} where
 * Lucene's offsets of the query's terms place them: the pass that marks reads the Markdown, so offsets need no map.
 */
final class Snippets {

    private static final int MAX_SNIPPET = 260;

    /** A match: where, and which query term (its position among the query's terms). */
    record Match(int start, int end, int term) {
    }

    /** The matches of each section, by document, by offset (the longest first of those at one offset). */
    private final Map<Integer, List<Match>> matches = new HashMap<>();

    /** Reads where the query's terms occur in the given sections: each term's postings once, in document order. */
    Snippets(IndexSearcher searcher, Set<String> queryTerms, int[] sections) {
        int[] docs = Arrays.stream(sections).distinct().sorted().toArray();
        String[] words = queryTerms.toArray(String[]::new);
        try {
            for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                TermsEnum terms = Terms.getTerms(leaf.reader(), Fields.SECTION_TEXT).iterator();
                PostingsEnum postings = null; // one of each per leaf, reused: new ones cost more than the reading
                for (int term = 0; term < words.length; term++) {
                    boolean found = terms.seekExact(new BytesRef(words[term]));
                    postings = found ? terms.postings(postings, PostingsEnum.OFFSETS) : postings;
                    for (int i = 0; found && i < docs.length; i++) {
                        int local = docs[i] - leaf.docBase;
                        boolean in = local >= 0 && local < leaf.reader().maxDoc()
                                && (postings.docID() < local ? postings.advance(local) : postings.docID()) == local;
                        for (int k = in ? postings.freq() : 0; k > 0; k--) {
                            postings.nextPosition();
                            matches.computeIfAbsent(docs[i], d -> new ArrayList<>())
                                    .add(new Match(postings.startOffset(), postings.endOffset(), term));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        matches.values().forEach(found -> found.sort((a, b) -> a.start() != b.start() ? a.start() - b.start()
                : b.end() - a.end()));
    }

    /** A sentence of a section: where its text starts (past leading markup) and where it ends. */
    record Span(int start, int end) {
    }

    /** The sentence with most distinct query terms (first of equals; next too if short) as text, else the fallback. */
    String best(int doc, String section, String fallback) {
        char[] text = section.toCharArray(); // read char by char: String.charAt costs a call under C1
        List<Match> found = matches.getOrDefault(doc, List.of());
        Span chosen = null;
        Span next = null;
        int most = -1;
        int m = 0;
        int covered = -1; // terms of one word overlap (an identifier and its parts): the first, longest, counts
        for (Span s = sentence(text, 0); s != null && (next == null || m < found.size());
             s = sentence(text, s.end())) {
            next = chosen != null && next == null ? s : next;
            BitSet terms = new BitSet();
            for (; m < found.size() && found.get(m).start() < s.end(); m++) {
                Match x = found.get(m);
                if (x.start() >= covered && x.start() >= s.start()) {
                    terms.set(x.term());
                }
                covered = x.start() >= covered ? x.end() : covered;
            }
            if (terms.cardinality() > most) {
                most = terms.cardinality();
                chosen = s;
                next = null;
            }
        }
        Span until = next != null && chosen.end() - chosen.start() < MAX_SNIPPET / 2 ? next : chosen;
        String passage = chosen == null ? "" : passage(text, chosen.start(), until.end(), found);
        return passage.isEmpty() ? passage(fallback.toCharArray(), 0, fallback.length(), List.of()) : passage;
    }

    /**
     * The next sentence from {@code from}, or null: one ends at whitespace after {@code . ! ? :} (not in code) and at
     * a line break; markup only or an image is no sentence.
     */
    static Span sentence(char[] text, int from) {
        boolean code = false;
        int first = -1;
        int last = -1;
        char c = ' ';
        for (int at = from; at <= text.length; at++) {
            char p = c;
            c = at < text.length ? text[at] : '\n';
            if (c > ' ') {
                boolean markup = c == '#' || c == '>' || c == '|' || c == '-' || c == '*' || c == ':';
                first = first < 0 && !markup ? at : first;
                last = at;
                code ^= c == '`';
            } else if (c == '\n' || !code && (p == '.' || p == '!' || p == '?' || p == ':')) {
                if (first >= 0 && last - first >= 2 && (text[first] != '!' || text[first + 1] != '[')) {
                    return new Span(first, last + 1);
                }
                first = -1;
                code = false;
            }
        }
        return null;
    }

    /**
     * {@code text} from {@code start} to {@code end} as text, matches marked, in one pass: a link is its words; images,
     * emphasis, escapes, line markup go (not in code); whitespace is one space; cut after a word with "…" if long.
     */
    static String passage(char[] text, int start, int end, List<Match> matches) {
        StringBuilder out = new StringBuilder(MAX_SNIPPET + 8);
        boolean code = false;
        for (int at = start, m = 0; at <= end && out.length() <= MAX_SNIPPET; ) {
            for (; m < matches.size() && matches.get(m).start() < at; m++) { // in markup, or in the one marked
            }
            int from = at++;
            char c = from < end ? text[from] : '\n'; // the end, as a line's, takes a row's last pipe
            char prev = from > 0 ? text[from - 1] : ' ';
            char next = at < end ? text[at] : '\n';
            if (!code && m < matches.size() && matches.get(m).start() == from) { // marks inside code are literal
                at = matches.get(m).end();
                out.append("**").append(text, from, at - from).append("**");
            } else if (c <= ' ') {
                while (c == '\n' && !out.isEmpty() && " |".indexOf(out.charAt(out.length() - 1)) >= 0) {
                    out.setLength(out.length() - 1); // a table row's last pipes
                }
                for (; c == '\n' && at < end && "#>|-*+: \t".indexOf(text[at]) >= 0; at++) { // a line's markup
                }
                out.append(out.isEmpty() || out.charAt(out.length() - 1) == ' ' ? "" : " ");
            } else if (c == '\\' && next < 128 && next > ' ' && !Character.isLetterOrDigit(next)) {
                out.append(text[at++]);
            } else if (code || c != '!' && c != '*' && c != '[' && c != ']' && c != '_') {
                code ^= c == '`';
                out.append(c);
            } else if ((c == '[' || c == ']' || c == '!' && next == '[') && target(text, c == ']' ? from : at) > 0) {
                at = c == '[' ? at : target(text, c == ']' ? from : at); // "[" goes, later "](target)"; an image whole
            } else if (c != '*' && c != '_' || prev != c && next != c
                    && Character.isLetterOrDigit(prev) == Character.isLetterOrDigit(next)) {
                out.append(c); // not emphasis: a single * or _ in a word or between spaces
            }
        }
        boolean cut = out.length() > MAX_SNIPPET;
        int space = out.lastIndexOf(" ", MAX_SNIPPET - 3); // room for "**…"
        String passage = out.substring(0, !cut ? out.length() : space > 0 ? space : MAX_SNIPPET - 3).strip();
        // A cut inside a mark closes it; neighbouring marked words share one mark, never "** **" or "****".
        passage += (passage.length() - passage.replace("**", "").length()) % 4 == 2 ? "**" : "";
        return passage.replace("** **", " ").replace("****", "") + (cut ? "…" : "");
    }

    /** Where a link or image whose text ends at or after {@code at} (its {@code ]}) ends past its target; or -1. */
    private static int target(char[] text, int at) {
        int close = at;
        while (close < text.length && text[close] != ']' && text[close] != '\n') {
            close++;
        }
        int i = close + 1;
        int depth = 1; // in the "(" after the "]", nesting one level more at each "(": a URL has no whitespace
        while (depth > 0 && ++i < text.length && text[i] > ' ') {
            depth += text[i] == '(' ? 1 : text[i] == ')' ? -1 : 0;
        }
        return depth == 0 && text[close] == ']' && text[close + 1] == '(' ? i + 1 : -1;
    }
}
