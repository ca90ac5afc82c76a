package com.workos.mcpdocs.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.PostingsEnum;
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
            for (int term = 0; term < words.length; term++) {
                PostingsEnum postings = MultiTerms.getTermPostingsEnum(searcher.getIndexReader(),
                        Fields.SECTION_TEXT, new BytesRef(words[term]), PostingsEnum.OFFSETS);
                for (int i = 0; postings != null && i < docs.length; i++) {
                    int at = postings.docID() < docs[i] ? postings.advance(docs[i]) : postings.docID();
                    for (int k = at == docs[i] ? postings.freq() : 0; k > 0; k--) {
                        postings.nextPosition();
                        matches.computeIfAbsent(docs[i], d -> new ArrayList<>())
                                .add(new Match(postings.startOffset(), postings.endOffset(), term));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        matches.values().forEach(found -> found.sort(Comparator.comparingInt(Match::start)
                .thenComparingInt(m -> -m.end())));
    }

    /** The sentence with the most distinct query terms (the first of equals; the next too if short) as text. */
    String best(int doc, String text) {
        List<Match> found = matches.getOrDefault(doc, List.of());
        long chosen = -1;
        long next = -1;
        int most = -1;
        int m = 0;
        int covered = -1; // terms of one word overlap (an identifier and its parts): the first, longest, counts
        for (long s = sentence(text, 0); s >= 0 && (next < 0 || m < found.size()); s = sentence(text, (int) s)) {
            next = chosen >= 0 && next < 0 ? s : next;
            long terms = 0; // a bit per term (modulo 64: queries have far fewer)
            for (; m < found.size() && found.get(m).start() < (int) s; m++) {
                Match match = found.get(m);
                terms |= match.start() >= covered && match.start() >= s >>> 32 ? 1L << match.term() : 0;
                covered = match.start() >= covered ? match.end() : covered;
            }
            if (Long.bitCount(terms) > most) {
                most = Long.bitCount(terms);
                chosen = s;
                next = -1;
            }
        }
        int start = (int) (chosen >>> 32);
        int end = (int) chosen - start < MAX_SNIPPET / 2 && next >= 0 ? (int) next : (int) chosen;
        return chosen < 0 ? "" : passage(text, start, end, found);
    }

    /** Markdown as a passage on one line, as {@link #passage} reads it. */
    static String plain(String text) {
        return passage(text, 0, text.length(), List.of());
    }

    /**
     * The next sentence from {@code from} as its start (high half, past leading markup) and end, or -1: one ends at
     * whitespace after {@code . ! ? :} (not in code) and at a line break; markup only or an image is no sentence.
     */
    static long sentence(String text, int from) {
        int first = -1;
        int last = -1;
        boolean code = false;
        for (int at = from; at <= text.length(); at++) {
            char c = at < text.length() ? text.charAt(at) : '\n';
            if (c == '\n' || !code && Character.isWhitespace(c) && at > 0 && ".!?:".indexOf(text.charAt(at - 1)) >= 0) {
                if (first >= 0 && last - first >= 2 && !text.startsWith("![", first)) {
                    return (long) first << 32 | (last + 1);
                }
                first = -1;
                code = false;
            } else if (!Character.isWhitespace(c)) {
                first = first < 0 && "#>|-*: ".indexOf(c) < 0 ? at : first;
                last = at;
                code ^= c == '`';
            }
        }
        return -1;
    }

    /**
     * {@code text} from {@code start} to {@code end} as text, matches marked, in one pass: a link is its words; images,
     * emphasis, escapes, line markup go (not in code); whitespace is one space; cut after a word with "…" if long.
     */
    static String passage(String text, int start, int end, List<Match> matches) {
        StringBuilder out = new StringBuilder(MAX_SNIPPET + 8);
        boolean code = false;
        for (int at = start, m = 0; at <= end && out.length() <= MAX_SNIPPET; ) {
            for (; m < matches.size() && matches.get(m).start() < at; m++) { // in markup, or in the one marked
            }
            int from = at++;
            char c = from < end ? text.charAt(from) : '\n'; // the end, as a line's, takes a row's last pipe
            char prev = from > 0 ? text.charAt(from - 1) : ' ';
            char next = at < end ? text.charAt(at) : '\n';
            int link = c == ']' || c == '[' || c == '!' && next == '[' ? target(text, c == ']' ? from
                    : text.indexOf(']', at)) : -1;
            if (m < matches.size() && matches.get(m).start() == from) {
                at = matches.get(m).end();
                out.append("**").append(text, from, at).append("**");
            } else if (Character.isWhitespace(c)) {
                code = code && c != '\n';
                while (c == '\n' && !out.isEmpty() && " |".indexOf(out.charAt(out.length() - 1)) >= 0) {
                    out.setLength(out.length() - 1); // a table row's last pipes
                }
                while (c == '\n' && at < end && "#>|-*+: \t".indexOf(text.charAt(at)) >= 0) {
                    at++; // a line's leading markup: hashes, quote marks, bullets, pipes, a table rule
                }
                out.append(out.isEmpty() || out.charAt(out.length() - 1) == ' ' ? "" : " ");
            } else if (c == '\\' && next < 128 && next > ' ' && !Character.isLetterOrDigit(next)) {
                out.append(next);
                at++;
            } else if (code || "!*[]_".indexOf(c) < 0) {
                code ^= c == '`';
                out.append(c);
            } else if (link > 0) {
                at = c == '[' ? at : link; // a link's "[" goes, and later its "](target)"; an image goes whole
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

    /** Where the target {@code (...)} after a link's text ending at {@code close} ends; -1 if none follows. */
    private static int target(String text, int close) {
        for (int depth = 0, i = close + 1; close >= 0 && i < text.length() && text.charAt(close + 1) == '('
                && !Character.isWhitespace(text.charAt(i)); i++) {
            depth += text.charAt(i) == '(' ? 1 : text.charAt(i) == ')' ? -1 : 0;
            if (depth == 0) {
                return i + 1;
            }
        }
        return -1;
    }
}
