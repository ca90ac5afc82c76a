package com.workos.mcpdocs.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Picks the passage of a section that best matches the query and marks the query's words in it.
 */
final class Snippets {

    private static final int MAX_SNIPPET = 260;
    /** Leading letters of a query term that are looked for when choosing a sentence. */
    private static final int PREFIX = 5;
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?:])\\s+|\\n+");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}_]+(?:[.:/\\-@][\\p{L}\\p{N}_]+)*");

    private Snippets() {
    }

    private record Span(int start, int end) {
    }

    /**
     * A text prepared once for snippets: whitespace-collapsed, lower-cased, split into sentences. Sections are
     * prepared on first use and reused by later queries.
     */
    static final class Prepared {
        private final String flat;
        private final String lower;
        private final List<Span> sentences;

        Prepared(String text) {
            this.flat = text.replaceAll("[ \\t]+", " ");
            this.lower = flat.toLowerCase(java.util.Locale.ROOT);
            this.sentences = sentences(flat);
        }
    }

    /** The best sentence (with the next one when it is short) of {@code text}, query terms marked. */
    static String best(String text, Set<String> queryTerms) {
        return best(new Prepared(text), queryTerms);
    }

    /** The best sentence (with the next one when it is short) of a prepared text, query terms marked. */
    static String best(Prepared text, Set<String> queryTerms) {
        String flat = text.flat;
        List<Span> sentences = text.sentences;
        if (sentences.isEmpty()) {
            return "";
        }
        // Choosing the sentence by the terms' leading letters is cheap; only the chosen passage is analyzed.
        List<String> prefixes = queryTerms.stream()
                .map(t -> t.length() > PREFIX ? t.substring(0, PREFIX) : t).distinct().toList();
        String lower = text.lower;
        int bestIndex = 0;
        long bestScore = -1;
        for (int i = 0; i < sentences.size(); i++) {
            Span s = sentences.get(i);
            String sentence = lower.substring(s.start, s.end);
            long score = prefixes.stream().filter(sentence::contains).count();
            if (score > bestScore) {
                bestScore = score;
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
        String snippet = out.toString().replaceAll("\\s+", " ").replaceFirst("^#+\\s*", "").strip();
        return cut ? snippet + "…" : snippet;
    }

    private static List<Span> sentences(String text) {
        List<Span> out = new ArrayList<>();
        Matcher m = SENTENCE_END.matcher(text);
        int start = 0;
        while (true) {
            boolean found = m.find();
            int end = found ? m.start() : text.length();
            String sentence = text.substring(start, end).strip();
            if (sentence.length() > 2 && !sentence.startsWith("|---") && !sentence.matches("[#>|\\-*\\s]*")) {
                int lead = text.substring(start, end).indexOf(sentence.charAt(0));
                out.add(new Span(start + lead, start + lead + sentence.length()));
            }
            if (!found) {
                return out;
            }
            start = m.end();
        }
    }

    /**
     * Spans of the words that carry a query term: the word starts with the term (a stem such as {@code configur}
     * marks {@code configuring}); words shorter than a stem must match it whole, plural aside.
     */
    private static List<Span> matches(String text, Set<String> queryTerms) {
        List<Span> out = new ArrayList<>();
        Matcher word = WORD.matcher(text);
        while (word.find()) {
            String lower = word.group().toLowerCase(java.util.Locale.ROOT);
            for (String term : queryTerms) {
                boolean hit = term.length() >= PREFIX ? lower.startsWith(term.substring(0, PREFIX))
                        && lower.length() >= term.length() - 1
                        : lower.equals(term) || lower.equals(term + "s");
                if (hit) {
                    out.add(new Span(word.start(), word.end()));
                    break;
                }
            }
        }
        return out;
    }
}
