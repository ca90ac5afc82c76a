package com.workos.mcpdocs.search;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Picks the passage of a section that best matches the query and marks the query's words in it. */
final class Snippets {

    private static final int MAX_SNIPPET = 260;
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}_]+(?:[.:/\\-@'][\\p{L}\\p{N}_]+)*");
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?:])\\s+|\\n+");
    private static final DocsAnalyzer ANALYZER = new DocsAnalyzer(false);

    private Snippets() {
    }

    /** The best sentence (with the next one when it is short) of {@code text}, query terms marked. */
    static String best(String text, Set<String> queryTerms) {
        List<String> sentences = SENTENCE_END.splitAsStream(text)
                .map(s -> s.replaceAll("\\s+", " ").strip())
                .filter(s -> s.length() > 2 && !s.startsWith("|---") && !s.matches("[#>|\\-*\\s]*"))
                .toList();
        if (sentences.isEmpty()) {
            return "";
        }
        int bestIndex = 0;
        long bestScore = -1;
        for (int i = 0; i < sentences.size(); i++) {
            long score = Analysis.terms(ANALYZER, Fields.BODY, sentences.get(i)).stream().distinct()
                    .filter(queryTerms::contains).count();
            if (score > bestScore) {
                bestScore = score;
                bestIndex = i;
            }
        }
        String snippet = sentences.get(bestIndex).replaceFirst("^#+\\s*", "");
        if (snippet.length() < MAX_SNIPPET / 2 && bestIndex + 1 < sentences.size()) {
            snippet = snippet + " " + sentences.get(bestIndex + 1);
        }
        if (snippet.length() > MAX_SNIPPET) {
            snippet = snippet.substring(0, MAX_SNIPPET - 1).strip() + "…";
        }
        return mark(snippet, queryTerms);
    }

    private static String mark(String text, Set<String> queryTerms) {
        Matcher m = WORD.matcher(text);
        StringBuilder out = new StringBuilder();
        int last = 0;
        while (m.find()) {
            List<String> analyzed = Analysis.terms(ANALYZER, Fields.BODY, m.group());
            boolean hit = !analyzed.isEmpty() && queryTerms.contains(analyzed.get(0));
            out.append(text, last, m.start()).append(hit ? "**" + m.group() + "**" : m.group());
            last = m.end();
        }
        return out.append(text.substring(last)).toString();
    }
}
