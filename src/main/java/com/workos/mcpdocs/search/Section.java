package com.workos.mcpdocs.search;

import com.workos.mcpdocs.corpus.ApiReference;
import com.workos.mcpdocs.corpus.Heading;
import com.workos.mcpdocs.corpus.Page;
import java.util.ArrayList;
import java.util.List;

/**
 * A part of a page between two headings (level 2 or 3), the unit a search result points into.
 *
 * @param heading the heading text, empty for the part before the first heading
 * @param anchor  the heading's anchor, empty for the introduction
 * @param mdx     the section's MDX
 */
record Section(String heading, String anchor, String mdx) {

    /**
     * Splits a page at its level 2 and 3 headings; the text before the first heading is the introduction, and a
     * reference page's frontmatter descriptions come last.
     */
    static List<Section> of(Page page) {
        String[] lines = page.body().split("\n", -1);
        List<Section> sections = new ArrayList<>();
        int start = 0;
        String heading = "";
        String anchor = "";
        for (Heading h : page.headings()) {
            if (h.level() > 3) {
                continue;
            }
            add(sections, heading, anchor, lines, start, h.line());
            heading = h.text();
            anchor = h.anchor();
            start = h.line() + 1;
        }
        add(sections, heading, anchor, lines, start, lines.length);
        // A reference page says most of what it has to say in its frontmatter: its descriptions are a section too,
        // under the page's first heading.
        String descriptions = String.join("\n\n", ApiReference.descriptions(page).values());
        if (!descriptions.isBlank()) {
            Heading first = page.headings().isEmpty() ? null : page.headings().get(0);
            sections.add(new Section(first == null ? page.title() : first.text(), first == null ? "" : first.anchor(),
                    descriptions));
        }
        return sections;
    }

    private static void add(List<Section> sections, String heading, String anchor, String[] lines, int from, int to) {
        StringBuilder text = new StringBuilder();
        for (int i = from; i < to && i < lines.length; i++) {
            text.append(lines[i]).append('\n');
        }
        if (!heading.isEmpty() || !text.toString().isBlank()) {
            sections.add(new Section(heading, anchor, text.toString()));
        }
    }
}
