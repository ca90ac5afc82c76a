package com.workos.mcpdocs.search;

import com.workos.mcpdocs.corpus.Page;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Searches that compile the search code before a client's first query: the server runs on the client JIT, and in a
 * fresh JVM the first few dozen searches run partly interpreted while it compiles them (tens of milliseconds each,
 * against one or two once compiled). A server that is left idle after it starts, as an editor's servers are until
 * someone asks a question, can run these meanwhile.
 *
 * <p>The queries come from the corpus itself, in the shapes people and models ask in, so that each part of the
 * search runs: a page title as keywords, its description as a sentence, the title as a camelCase identifier, the
 * title with a letter missing from its longest word (spelling correction), the page path as a snake_case path, a
 * title under a section filter, and a word the corpus does not have (the no-results answer and its suggestions).
 */
final class WarmUp {

    /** Pages the queries are made from, spread over the whole corpus. */
    static final int PAGES = 40;

    private WarmUp() {
    }

    /** A query and its section filter ({@code null} for none). */
    record Search(String query, String section) {
    }

    static List<Search> searches(Page[] pages) {
        List<Search> out = new ArrayList<>();
        int step = Math.max(1, pages.length / PAGES);
        for (int i = 0; i < pages.length; i += step) {
            Page page = pages[i];
            String title = page.title();
            if (title == null || title.isBlank()) {
                continue;
            }
            out.add(new Search(title, null));
            String description = page.description();
            if (description != null && !description.isBlank()) {
                out.add(new Search(description, null));
            }
            String[] words = title.strip().split("\\s+");
            out.add(new Search(camelCase(words), null));
            String longest = "";
            for (String word : words) {
                if (word.length() > longest.length()) {
                    longest = word;
                }
            }
            if (longest.length() > 4) {
                out.add(new Search(title.replace(longest, longest.charAt(0) + longest.substring(2)), null));
            }
            out.add(new Search(page.path().replace('-', '_'), null));
            int slash = page.path().indexOf('/');
            if (slash > 0) {
                out.add(new Search(title, page.path().substring(0, slash)));
            }
            out.add(new Search(new StringBuilder(longest.toLowerCase(Locale.ROOT)).reverse() + "qz", null));
        }
        return out;
    }

    private static String camelCase(String[] words) {
        StringBuilder out = new StringBuilder();
        for (String word : words) {
            if (word.isEmpty()) {
                continue;
            }
            String lower = word.toLowerCase(Locale.ROOT);
            out.append(out.length() == 0 ? lower : Character.toUpperCase(lower.charAt(0)) + lower.substring(1));
        }
        return out.toString();
    }
}
