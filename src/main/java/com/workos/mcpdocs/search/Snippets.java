package com.workos.mcpdocs.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Picks the passage of a section that best matches the query and marks the query's words in it.
 */
final class Snippets {

    private static final int MAX_SNIPPET = 260;
    /** Leading letters of a query term that are looked for when choosing a sentence. */
    private static final int PREFIX = 5;
    private static final Pattern LEADING_HASHES = Pattern.compile("^#+\\s*");
    private static final Pattern BLANKS = Pattern.compile("[ \\t]+");

    private Snippets() {
    }

    record Span(int start, int end) {
    }

    /**
     * A text prepared once for snippets: whitespace-collapsed, lower-cased, split into sentences. Sections are
     * prepared on first use and reused by later queries.
     */
    static final class Prepared {
        private final String flat;
        private final String lower;
        private final List<Span> sentences;

        /** @param flat a text {@link #flatten flattened} already (as the index keeps a section's text) */
        Prepared(String flat) {
            this.flat = flat;
            this.lower = flat.toLowerCase(java.util.Locale.ROOT);
            this.sentences = sentences(flat);
        }
    }

    /**
     * Per sentence, how many of the prefixes it contains. An occurrence belongs to the first sentence that ends at
     * or after the occurrence's end, and counts when it lies inside that sentence, once per prefix and sentence.
     * (Reading the text once for all prefixes instead measured the same, about 4 us per section and query.)
     */
    static int[] sentenceScores(String lower, List<Span> sentences, List<String> prefixes) {
        int count = sentences.size();
        int[] score = new int[count];
        for (String prefix : prefixes) {
            int sentence = 0;
            int lastCounted = -1;
            for (int at = lower.indexOf(prefix); at >= 0; at = lower.indexOf(prefix, at + 1)) {
                while (sentence < count && sentences.get(sentence).end < at + prefix.length()) {
                    sentence++;
                }
                if (sentence == count) {
                    break;
                }
                if (at >= sentences.get(sentence).start && sentence != lastCounted) {
                    score[sentence]++;
                    lastCounted = sentence;
                }
            }
        }
        return score;
    }

    /** {@code text} with each run of spaces and tabs as one space, as {@link Prepared} keeps it. */
    static String flatten(String text) {
        return BLANKS.matcher(text).replaceAll(" ");
    }

    /**
     * A query's terms as snippets look for them, worked out once for all the hits of a search: each term with its
     * leading letters, those leading letters once each (they choose the sentence), and the letters terms start with.
     */
    static final class Terms {
        private final String[] terms;
        private final String[] prefixes;
        private final List<String> distinctPrefixes;
        private final String firsts;

        Terms(Set<String> queryTerms) {
            terms = queryTerms.toArray(new String[0]);
            prefixes = new String[terms.length];
            List<String> distinct = new ArrayList<>(terms.length);
            StringBuilder firstLetters = new StringBuilder();
            for (int i = 0; i < terms.length; i++) {
                String term = terms[i];
                prefixes[i] = term.length() > PREFIX ? term.substring(0, PREFIX) : term;
                if (!distinct.contains(prefixes[i])) {
                    distinct.add(prefixes[i]);
                }
                if (!term.isEmpty()) {
                    firstLetters.append(term.charAt(0));
                }
            }
            distinctPrefixes = List.copyOf(distinct);
            firsts = firstLetters.toString();
        }
    }

    /** The best sentence (with the next one when it is short) of a prepared text, query terms marked. */
    static String best(Prepared text, Terms queryTerms) {
        String flat = text.flat;
        List<Span> sentences = text.sentences;
        if (sentences.isEmpty()) {
            return "";
        }
        // Choosing the sentence by the terms' leading letters is cheap; only the chosen passage is analyzed.
        int[] score = sentenceScores(text.lower, sentences, queryTerms.distinctPrefixes);
        int bestIndex = 0;
        for (int i = 1; i < score.length; i++) {
            if (score[i] > score[bestIndex]) {
                bestIndex = i;
            }
        }
        Span chosen = sentences.get(bestIndex);
        if (chosen.end - chosen.start < MAX_SNIPPET / 2 && bestIndex + 1 < sentences.size()) {
            chosen = new Span(chosen.start, sentences.get(bestIndex + 1).end);
        }
        boolean cut = chosen.end - chosen.start > MAX_SNIPPET;
        String passage = flat.substring(chosen.start, cut ? chosen.start + MAX_SNIPPET - 1 : chosen.end);
        StringBuilder out = new StringBuilder();
        int at = 0;
        for (Span m : matches(passage, queryTerms)) {
            out.append(passage, at, m.start).append("**").append(passage, m.start, m.end).append("**");
            at = m.end;
        }
        out.append(passage.substring(at));
        // Spaces and tabs are single already; only a passage across lines needs its whitespace collapsed.
        String marked = passage.indexOf('\n') < 0 && passage.indexOf('\r') < 0 ? out.toString()
                : collapseWhitespace(out);
        String snippet = (marked.startsWith("#") ? LEADING_HASHES.matcher(marked).replaceFirst("") : marked).strip();
        return cut ? snippet + "…" : snippet;
    }

    /**
     * The sentences of a text: it ends one at whitespace after {@code . ! ? :} and at line breaks, and leaves out
     * what is only markup. (Written out rather than as the pattern {@code (?<=[.!?:])\s+|\n+}, which finds the same
     * ends: a section is split once, at its first quotation, and the pattern was most of that.)
     */
    static List<Span> sentences(String text) {
        List<Span> out = new ArrayList<>();
        int length = text.length();
        int start = 0;
        int at = 0;
        while (true) {
            int end = length;
            int next = length;
            for (; at < length; at++) {
                char c = text.charAt(at);
                if (isSpace(c) && at > 0 && ".!?:".indexOf(text.charAt(at - 1)) >= 0) {
                    end = at;
                    next = at;
                    while (next < length && isSpace(text.charAt(next))) {
                        next++;
                    }
                    break;
                }
                if (c == '\n') {
                    end = at;
                    next = at;
                    while (next < length && text.charAt(next) == '\n') {
                        next++;
                    }
                    break;
                }
            }
            String raw = text.substring(start, end);
            String sentence = raw.strip();
            if (sentence.length() > 2 && !sentence.startsWith("|---") && !isMarkupOnly(sentence)) {
                int lead = raw.indexOf(sentence.charAt(0));
                out.add(new Span(start + lead, start + lead + sentence.length()));
            }
            if (end == length) {
                return out;
            }
            start = next;
            at = next;
        }
    }

    /** The whitespace of patterns ({@code \s}). */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    /** A table rule, a quote mark, a bullet, hashes: nothing to quote. */
    private static boolean isMarkupOnly(String sentence) {
        for (int i = 0; i < sentence.length(); i++) {
            char c = sentence.charAt(i);
            if ("#>|-*".indexOf(c) < 0 && !isSpace(c)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Spans of the words that carry a query term: the word starts with the term (a stem such as {@code configur}
     * marks {@code configuring}); words shorter than a stem must match it whole, plural aside.
     */
    private static List<Span> matches(String text, Terms queryTerms) {
        List<Span> out = new ArrayList<>();
        String[] terms = queryTerms.terms;
        String[] prefixes = queryTerms.prefixes;
        String firsts = queryTerms.firsts;
        int end = 0;
        while (true) {
            int start = end;
            while (start < text.length() && !isWordChar(text.charAt(start))) {
                start++;
            }
            if (start == text.length()) {
                break;
            }
            // A word, with joiners inside it: user.created, /sso/profile, sign-in, name@example.com.
            end = start + 1;
            while (end < text.length() && (isWordChar(text.charAt(end)) || (isJoiner(text.charAt(end))
                    && end + 1 < text.length() && isWordChar(text.charAt(end + 1))))) {
                end++;
            }
            // Most words start with a letter no term starts with: those are not lower-cased (an ASCII letter
            // lower-cases to one letter, so the first letters compare exactly).
            char first = text.charAt(start);
            if (first < 128 && firsts.indexOf(Character.toLowerCase(first)) < 0) {
                continue;
            }
            String lower = text.substring(start, end).toLowerCase(java.util.Locale.ROOT);
            for (int i = 0; i < terms.length; i++) {
                String term = terms[i];
                if (term.isEmpty() || term.charAt(0) != lower.charAt(0)) {
                    continue;
                }
                String prefix = prefixes[i];
                boolean hit = term.length() >= PREFIX ? lower.startsWith(prefix) && lower.length() >= term.length() - 1
                        : lower.equals(term) || (lower.length() == term.length() + 1 && lower.startsWith(term)
                        && lower.endsWith("s"));
                if (hit) {
                    out.add(new Span(start, end));
                    break;
                }
            }
        }
        return out;
    }

    private static boolean isWordChar(char c) {
        if (c < 128) {
            return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_';
        }
        return Character.isLetterOrDigit(c);
    }

    /** A character that joins the parts of one word (an event name, a path, a hyphenated word, an address). */
    private static boolean isJoiner(char c) {
        return c == '.' || c == ':' || c == '/' || c == '-' || c == '@';
    }

    /** Runs of whitespace (line breaks included) as one space. */
    private static String collapseWhitespace(CharSequence text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean space = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                space = true;
            } else {
                if (space) {
                    out.append(' ');
                    space = false;
                }
                out.append(c);
            }
        }
        if (space) {
            out.append(' ');
        }
        return out.toString();
    }
}
