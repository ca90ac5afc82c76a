package com.workos.mcpdocs.search;

import com.workos.mcpdocs.corpus.Heading;
import com.workos.mcpdocs.corpus.Page;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;

/** Picks the passage of a page that best matches the query and marks the query's words in it. */
final class Snippets {

    private static final int MAX_SNIPPET = 240;
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}_]+");

    record Passage(String text, String heading, String anchor) {
    }

    private Snippets() {
    }

    static Passage best(Page page, Set<String> queryTerms, Analyzer analyzer) {
        String[] lines = page.body().split("\n", -1);
        int bestLine = -1;
        int bestScore = 0;
        boolean inFence = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.strip().startsWith("```")) {
                inFence = !inFence;
            }
            if (line.isBlank() || line.strip().startsWith("<") || line.strip().startsWith("import ")) {
                continue;
            }
            int score = 0;
            for (String term : SearchIndex.analyze(analyzer, line)) {
                if (queryTerms.contains(term)) {
                    score++;
                }
            }
            if (inFence) {
                score = score / 2;
            }
            if (score > bestScore) {
                bestScore = score;
                bestLine = i;
            }
        }
        if (bestLine < 0) {
            String intro = page.description().isEmpty() ? firstProse(lines) : page.description();
            return new Passage(trim(intro), "", "");
        }
        Heading heading = null;
        for (Heading h : page.headings()) {
            if (h.line() <= bestLine) {
                heading = h;
            }
        }
        String text = mark(trim(lines[bestLine].strip()), queryTerms, analyzer);
        return new Passage(text, heading == null ? "" : heading.text(), heading == null ? "" : heading.anchor());
    }

    private static String firstProse(String[] lines) {
        for (String line : lines) {
            String s = line.strip();
            if (!s.isEmpty() && !s.startsWith("<") && !s.startsWith("#") && !s.startsWith("import ")) {
                return s;
            }
        }
        return "";
    }

    private static String trim(String text) {
        String flat = text.replace('\n', ' ').replaceAll("\\s+", " ").strip();
        return flat.length() <= MAX_SNIPPET ? flat : flat.substring(0, MAX_SNIPPET - 1).strip() + "…";
    }

    private static String mark(String text, Set<String> queryTerms, Analyzer analyzer) {
        Matcher m = WORD.matcher(text);
        StringBuilder out = new StringBuilder();
        int last = 0;
        while (m.find()) {
            var analyzed = SearchIndex.analyze(analyzer, m.group());
            boolean hit = !analyzed.isEmpty() && queryTerms.contains(analyzed.get(0));
            out.append(text, last, m.start());
            out.append(hit ? "**" + m.group() + "**" : m.group());
            last = m.end();
        }
        out.append(text.substring(last));
        return out.toString();
    }
}
