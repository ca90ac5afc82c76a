package com.workos.mcpdocs.search;

import com.workos.mcpdocs.render.Sections;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;

/**
 * Pages of definitions, such as a glossary, and the terms they define. A page is one by its shape: many sections,
 * nearly all of them a short heading (the term) over a short text (its definition), in alphabetical order. A query
 * that is such a term, or asks what it is, gets its definition among the first hits.
 */
final class Definitions {

    /** A page of definitions has at least this many sections with headings. */
    static final int MIN_TERMS = 10;
    /**
     * ... of which at least this share are a term of at most {@link #MAX_TERM_WORDS} words over a short text, and
     * at most the rest start with a letter earlier than the heading before (a list in dictionary order).
     */
    static final double MIN_SHARE = 0.8;
    static final int MAX_TERM_WORDS = 4;
    static final int MAX_DEFINITION_LENGTH = 800;
    /** A question that asks what a term is, or a term followed by the word meaning. */
    private static final Pattern QUESTION = Pattern.compile(
            "(?i)^\\s*(what(?:'s|\\s+is|\\s+are|\\s+does)|define)\\b|\\b(meaning|means?|definition|stands?\\s+for)\\b");
    /** A heading's other name in parentheses: {@code IdP URI (Entity ID)}. */
    private static final Pattern ALSO = Pattern.compile("^(.*?)\\s*\\(([^)]+)\\)\\s*$");

    private static final Analyzer ANALYZER = new DocsAnalyzer(false);

    private Definitions() {
    }

    /** Whether a page's parts (and their prose) are a list of definitions. */
    static boolean isDefinitionPage(List<Sections.Part> parts, List<String> prose) {
        int headed = 0;
        int terms = 0;
        int unordered = 0;
        char previous = 0;
        for (int i = 0; i < parts.size(); i++) {
            String heading = parts.get(i).heading();
            if (heading.isEmpty()) {
                continue;
            }
            headed++;
            if (heading.split("\\s+").length <= MAX_TERM_WORDS && prose.get(i).length() <= MAX_DEFINITION_LENGTH) {
                terms++;
            }
            char first = Character.toLowerCase(heading.charAt(0));
            unordered += first < previous ? 1 : 0;
            previous = first;
        }
        return headed >= MIN_TERMS && terms >= MIN_SHARE * headed && unordered <= (1 - MIN_SHARE) * headed;
    }

    /** The keys under which a heading's term is looked up: the whole heading, and each name of a two-name one. */
    static Set<String> keys(String heading) {
        Set<String> out = new LinkedHashSet<>();
        out.add(key(heading));
        Matcher also = ALSO.matcher(heading);
        if (also.matches()) {
            out.add(key(also.group(1)));
            out.add(key(also.group(2)));
        }
        out.remove("");
        return out;
    }

    /** Whether a query asks what something is (rather than naming it alone). */
    static boolean asksWhatItIs(String query) {
        return QUESTION.matcher(query).find();
    }

    /** The key of a query's term: its analyzed words, without the words that ask for a definition. */
    static String queryKey(String query) {
        return key(QUESTION.matcher(query).replaceAll(" "));
    }

    /** Analyzed terms in order, once each, joined by spaces. */
    static String key(String text) {
        List<String> terms = new ArrayList<>(new LinkedHashSet<>(Analysis.terms(ANALYZER, Fields.BODY, text)));
        return String.join(" ", terms);
    }
}
