package com.workos.mcpdocs.search;

import com.workos.mcpdocs.RealCorpus;
import com.workos.mcpdocs.corpus.ApiEntry;
import com.workos.mcpdocs.corpus.ApiReference;
import com.workos.mcpdocs.corpus.Corpus;
import com.workos.mcpdocs.corpus.Page;
import com.workos.mcpdocs.render.PageRenderer;
import com.workos.mcpdocs.render.Sections;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * Development tool, not a test: writes the corpus-derived check set ({@code src/test/resources/search/check-set.jsonl},
 * run with {@link EvalRunner}) from the embedded corpus, with no query written by hand. From every
 * {@value #STEP}th page: its title (kind {@code title}), the title misspelled by a letter dropped from its longest
 * word ({@code typo}), the title as a camelCase identifier ({@code identifier}), a heading that only this page has
 * with the page's title, expecting that section ({@code heading}), six words of a passage of another section
 * ({@code passage}, from every page with three sections or more), and from reference pages an SDK method name
 * ({@code method}). Usage: {@code CheckSetGenerator OUTPUT}.
 */
public final class CheckSetGenerator {

    private static final int STEP = 4;

    public static void main(String[] args) throws Exception {
        Corpus corpus = RealCorpus.load();
        PageRenderer renderer = PageRenderer.of(corpus);
        List<Page> pages = new ArrayList<>(corpus.pages());
        Map<String, Integer> headingPages = new HashMap<>();
        Map<String, List<Sections.Part>> parts = new HashMap<>();
        for (Page page : pages) {
            List<Sections.Part> own = Sections.parts(renderer.body(page, renderer.defaultLanguage(page)));
            parts.put(page.path(), own);
            own.stream().map(p -> p.heading().toLowerCase(Locale.ROOT)).distinct()
                    .forEach(h -> headingPages.merge(h, 1, Integer::sum));
        }
        JsonMapper json = JsonMapper.builder().build();
        List<String> lines = new ArrayList<>();
        int id = 0;
        for (int i = 0; i < pages.size(); i += STEP) {
            Page page = pages.get(i);
            String title = page.title().strip();
            if (title.isEmpty()) {
                continue;
            }
            lines.add(line(json, ++id, title, page.path(), "title"));
            String longest = "";
            for (String word : title.split("\\s+")) {
                longest = word.length() > longest.length() ? word : longest;
            }
            if (longest.length() >= 6 && longest.chars().allMatch(Character::isLetter)) {
                String typo = longest.substring(0, longest.length() / 2) + longest.substring(longest.length() / 2 + 1);
                lines.add(line(json, ++id, title.replace(longest, typo), page.path(), "typo"));
            }
            String[] words = title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9 ]", " ").strip().split("\\s+");
            if (words.length >= 2 && words.length <= 4) {
                StringBuilder camel = new StringBuilder(words[0]);
                for (int w = 1; w < words.length; w++) {
                    camel.append(Character.toUpperCase(words[w].charAt(0))).append(words[w].substring(1));
                }
                lines.add(line(json, ++id, camel.toString(), page.path(), "identifier"));
            }
            List<Sections.Part> own = parts.get(page.path());
            if (own.size() >= 3) {
                // The middle section's heading, when no other page has it: a question about one part of a page.
                Sections.Part part = own.get(own.size() / 2);
                String heading = part.heading();
                if (!heading.isEmpty() && heading.split("\\s+").length >= 2
                        && headingPages.get(heading.toLowerCase(Locale.ROOT)) == 1) {
                    lines.add(line(json, ++id, heading, page.path() + "#" + part.anchor(), "heading"));
                }
            }
            if (own.size() >= 3) {
                // A passage of another section: six of its words a reader would search by, none of the page title.
                String[] passage = passage(page, own.subList(0, own.size() / 2)).orElse(null);
                if (passage != null) {
                    lines.add(line(json, ++id, passage[0], page.path() + "#" + passage[1], "passage"));
                }
            }
            for (ApiEntry entry : ApiReference.entries(page)) {
                String method = entry.title().replace("()", "").replaceFirst("^.*(\\.|->|::)", "");
                if (!entry.isEndpoint() && method.matches("[A-Za-z_]+") && method.length() > 6) {
                    lines.add(line(json, ++id, method, page.path(), "method"));
                    break;
                }
            }
        }
        // Passages from the other pages too: section choice is where search is weakest, so it gets the most lines.
        for (int i = 0; i < pages.size(); i++) {
            List<Sections.Part> own = parts.get(pages.get(i).path());
            String[] passage = i % STEP == 0 || own.size() < 3 ? null
                    : passage(pages.get(i), own.subList(0, own.size() / 2)).orElse(null);
            if (passage != null) {
                lines.add(line(json, ++id, passage[0], pages.get(i).path() + "#" + passage[1], "passage"));
            }
        }
        Files.write(Path.of(args[0]), lines);
        System.out.println(lines.size() + " queries written to " + args[0]);
    }

    /**
     * From the last of {@code parts} with a sentence of enough words: the sentence's first {@value #PASSAGE_WORDS}
     * words that are neither stop words nor words of the page title, and the section's anchor.
     */
    private static java.util.Optional<String[]> passage(Page page, List<Sections.Part> parts) {
        java.util.Set<String> title = new java.util.HashSet<>(List.of(
                page.title().toLowerCase(Locale.ROOT).split("[^a-z0-9]+")));
        for (int i = parts.size() - 1; i >= 0; i--) {
            StringBuilder prose = new StringBuilder();
            IndexBuilder.split(parts.get(i).text(), prose, new StringBuilder());
            for (String sentence : prose.toString().split("(?<=[.?!])\\s+|\n")) {
                List<String> words = new ArrayList<>();
                for (String word : sentence.replaceAll("\\[([^\\]]*)\\]\\([^)]*\\)", "$1").split("[^A-Za-z0-9_'-]+")) {
                    String lower = word.toLowerCase(Locale.ROOT);
                    if (word.length() > 2 && !DocsAnalyzer.STOP_WORDS.contains(lower) && !title.contains(lower)
                            && !words.contains(word)) {
                        words.add(word);
                    }
                }
                if (words.size() >= PASSAGE_WORDS && !parts.get(i).anchor().isEmpty()) {
                    return java.util.Optional.of(new String[] {
                        String.join(" ", words.subList(0, PASSAGE_WORDS)), parts.get(i).anchor()});
                }
            }
        }
        return java.util.Optional.empty();
    }

    private static final int PASSAGE_WORDS = 6;

    private static String line(JsonMapper json, int id, String query, String expect, String kind) {
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        out.put("id", String.format("c%03d", id));
        out.put("query", query);
        out.put("expect", List.of(expect));
        out.put("kind", kind);
        return json.writeValueAsString(out);
    }
}
