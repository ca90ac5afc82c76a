package com.workos.mcpdocs.render;

import com.workos.mcpdocs.corpus.Heading;
import com.workos.mcpdocs.corpus.Headings;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The sections of a rendered page. One splitter for everything that names a section: {@code workos_docs {section}}
 * returns a heading with what lies under it, and search indexes each heading's own part, so the section a hit
 * names is the section the reader gets, and its snippet is a passage of that text.
 */
public final class Sections {

    /** The deepest heading that starts a part of its own ({@link #parts}); deeper headings stay in their part. */
    public static final int PART_LEVEL = 3;

    private Sections() {
    }

    /**
     * A section: its heading and everything below it up to the next heading of the same or a higher level.
     *
     * @param anchor   the site's anchor of its heading
     * @param markdown the heading line and its content
     */
    public record Section(String anchor, String markdown) {
    }

    /**
     * A heading's own part of a page: from the heading (level {@link #PART_LEVEL} or higher) to the next such
     * heading. It lies inside the {@link Section} of the same anchor, which adds the subsections.
     *
     * @param heading the heading text, empty for the introduction before the first heading
     * @param anchor  the heading's anchor, empty for the introduction
     * @param text    the part's Markdown, without its heading line
     */
    public record Part(String heading, String anchor, String text) {
    }

    /** A rendered page body as its introduction and one part per heading of level 1 to {@link #PART_LEVEL}. */
    public static List<Part> parts(String markdown) {
        String[] lines = markdown.split("\n", -1);
        List<Part> out = new ArrayList<>();
        Heading current = null;
        int start = 0;
        for (Heading h : Headings.of(markdown)) {
            if (h.level() > PART_LEVEL) {
                continue;
            }
            add(out, current, lines, start, h.line());
            current = h;
            start = h.line() + 1;
        }
        add(out, current, lines, start, lines.length);
        return out;
    }

    private static void add(List<Part> out, Heading heading, String[] lines, int from, int to) {
        String text = String.join("\n", Arrays.asList(lines).subList(Math.min(from, to), to));
        if (heading != null || !text.isBlank()) {
            out.add(new Part(heading == null ? "" : heading.text(), heading == null ? "" : heading.anchor(), text));
        }
    }

    /** The section {@code wanted} names: an anchor ({@code #wildcard-characters} or without '#') or heading text. */
    public static Optional<Section> find(String markdown, String wanted) {
        String key = wanted.strip().replaceFirst("^#+", "").strip();
        String lower = key.toLowerCase(Locale.ROOT);
        String slug = Headings.slug(key);
        List<Heading> headings = Headings.of(markdown);
        Optional<Heading> match = headings.stream().filter(h -> h.anchor().equals(key)).findFirst()
                .or(() -> headings.stream().filter(h -> h.anchor().equalsIgnoreCase(key)).findFirst())
                .or(() -> headings.stream().filter(h -> h.text().toLowerCase(Locale.ROOT).equals(lower)).findFirst())
                .or(() -> headings.stream().filter(h -> h.anchor().equals(slug)).findFirst());
        if (match.isEmpty()) {
            return Optional.empty();
        }
        Heading heading = match.get();
        String[] lines = markdown.split("\n", -1);
        int end = lines.length;
        for (Heading next : headings) {
            if (next.line() > heading.line() && next.level() <= heading.level()) {
                end = next.line();
                break;
            }
        }
        String text = String.join("\n", Arrays.asList(lines).subList(heading.line(), end));
        return Optional.of(new Section(heading.anchor(), text));
    }

    /** The innermost section whose own text contains {@code needle}. */
    public static Optional<Section> containing(String markdown, String needle) {
        int at = markdown.indexOf(needle);
        if (at < 0) {
            return Optional.empty();
        }
        int line = (int) markdown.substring(0, at).chars().filter(c -> c == '\n').count();
        Heading owner = null;
        for (Heading h : Headings.of(markdown)) {
            if (h.line() <= line) {
                owner = h;
            }
        }
        return owner == null ? Optional.empty() : find(markdown, owner.anchor());
    }

    /** The page's headings as a list a reader can pick from. */
    public static String list(String markdown) {
        StringBuilder out = new StringBuilder();
        for (Heading h : Headings.of(markdown)) {
            out.append("  ".repeat(Math.max(0, h.level() - 2))).append("- ").append(h.text())
                    .append(" (`").append(h.anchor()).append("`)\n");
        }
        return out.length() == 0 ? "(the page has no headings)\n" : out.toString();
    }
}
