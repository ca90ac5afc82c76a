package com.workos.mcpdocs.render;

import com.workos.mcpdocs.corpus.Headings;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a parsed MDX body into plain Markdown: each component becomes its Markdown meaning (see
 * {@link #element}), relative links become absolute, and headings keep the site's anchors. Nothing outside code is
 * left as a tag.
 */
public final class MdxToMarkdown {

    /** The line that stands for a code example the corpus does not ship (its title follows). */
    private static final String MISSING_CODE = "_(Code example not included in the docs corpus: ";
    private static final String MISSING_PROPS = "_The props table of this component is not included in the docs corpus._";

    /** Whether a rendered line only says that content is missing from the corpus: nothing to search or quote. */
    public static boolean isPlaceholder(String line) {
        String stripped = line.strip();
        return stripped.startsWith(MISSING_CODE) || stripped.equals(MISSING_PROPS);
    }


    private static final Pattern HEADING_LINE = Pattern.compile("(?m)^(#{1,6}[ \\t]+.*?)[ \\t]*$");
    private static final Pattern BLANK_RUNS = Pattern.compile("\n[ \t]*\n(?:[ \t]*\n)+");
    /** The site's display options after an image, {@code ![alt](src)[border=false]}. */
    private static final Pattern IMAGE_OPTIONS = Pattern.compile("(!\\[[^\\]]*]\\([^)]*\\))\\[[a-z]+=[^\\]]*]");

    private final String pageUrl;
    private final Function<String, String> referenceBlock;

    /**
     * @param pageUrl        the page's URL, for relative links
     * @param referenceBlock renders the API reference entry a {@code <CodeBlock referenceId="...">} stands for
     *                       (empty when there is none)
     */
    public MdxToMarkdown(String pageUrl, Function<String, String> referenceBlock) {
        this.pageUrl = pageUrl;
        this.referenceBlock = referenceBlock;
    }

    /** The Markdown of an MDX body. */
    public String convert(String mdxBody) {
        String markdown = MarkdownTabs.flatten(render(MdxParser.parse(mdxBody)));
        return BLANK_RUNS.matcher(markdown).replaceAll("\n\n").strip();
    }

    private String render(List<MdxNode> nodes) {
        StringBuilder out = new StringBuilder();
        for (MdxNode node : nodes) {
            if (node instanceof MdxNode.Text text) {
                out.append(text(text.markdown()));
            } else if (node instanceof MdxNode.Code code) {
                out.append(CodeMarkers.strip(code.source()));
            } else if (node instanceof MdxNode.Element element) {
                out.append(indentLike(out, element(element)));
            }
        }
        return out.toString();
    }

    /**
     * An element's Markdown indented like the line it starts on, so that a component inside a list item or a tab
     * stays inside it.
     */
    private static String indentLike(StringBuilder before, String markdown) {
        int lineStart = before.lastIndexOf("\n") + 1;
        int indent = 0;
        while (lineStart + indent < before.length() && before.charAt(lineStart + indent) == ' ') {
            indent++;
        }
        if (indent == 0 || lineStart + indent != before.length() || markdown.indexOf('\n') < 0) {
            return markdown;
        }
        String pad = " ".repeat(indent);
        return markdown.replaceAll("\n(?=[^\n])", "\n" + pad);
    }

    private String text(String markdown) {
        String withLinks = IMAGE_OPTIONS.matcher(Links.absolutizeTargets(Links.absolutize(markdown, pageUrl), pageUrl))
                .replaceAll("$1");
        if (withLinks.indexOf("{{") < 0) {
            return withLinks;
        }
        return HEADING_LINE.matcher(withLinks).replaceAll(m -> Matcher.quoteReplacement(heading(m.group(1))));
    }

    /** A heading without its {@code {{ ... }}} metadata; an anchor the text does not imply is written out. */
    private static String heading(String line) {
        String shown = Headings.withoutMetadata(line);
        return Headings.explicitAnchor(line)
                .filter(anchor -> !anchor.equals(Headings.slug(Headings.plainText(shown.replaceFirst("^#+\\s+", "")))))
                .map(anchor -> shown + " {#" + anchor + "}")
                .orElse(shown);
    }

    /** What each component means in Markdown. Unknown components keep their content. */
    private String element(MdxNode.Element e) {
        return switch (e.name()) {
            case "CodeBlock" -> codeBlock(e);
            // GlossaryMarker is the site's letter divider of the glossary; the terms' headings follow it
            case "CodeBlockTab", "Spinner", "style", "script", "Head", "br", "hr", "GlossaryMarker" ->
                    e.name().equals("br") ? "\n" : "";
            case "Callout" -> callout(e);
            case "Event.Root" -> event(e);
            case "ExampleApps.Root" -> block(render(e.children().stream()
                    .filter(n -> n instanceof MdxNode.Element).toList()));
            case "ExampleApps.Card" -> exampleApp(e);
            case "PropsTable" -> MISSING_PROPS;
            case "Badge", "strong", "b" -> wrap("**", inline(e));
            case "em", "i" -> wrap("*", inline(e));
            case "code", "kbd" -> wrap("`", inline(e));
            case "a" -> link(e);
            case "img" -> image(e);
            case "Tab", "TabItem" -> tab(e);
            case "li" -> "- " + inline(e) + "\n";
            default -> children(e);
        };
    }

    private String children(MdxNode.Element e) {
        return dedent(render(e.children()));
    }

    private String inline(MdxNode.Element e) {
        return render(e.children()).replaceAll("\\s+", " ").strip();
    }

    private static String wrap(String marker, String text) {
        return text.isEmpty() ? "" : marker + text + marker;
    }

    private static String block(String markdown) {
        String body = markdown.strip();
        return body.isEmpty() ? "" : "\n\n" + body + "\n\n";
    }

    /**
     * A code block whose files the docs do not ship. On reference pages it stands for an API entry; elsewhere it
     * becomes a one-line note (so a reader knows an example exists there) or its own content when it has some.
     */
    private String codeBlock(MdxNode.Element e) {
        String referenceId = e.attribute("referenceId");
        if (!referenceId.isEmpty()) {
            return block(referenceBlock.apply(referenceId));
        }
        List<MdxNode> content = e.children().stream()
                .filter(n -> !(n instanceof MdxNode.Element child && child.name().equals("CodeBlockTab")))
                .toList();
        String inner = dedent(render(content)).strip();
        if (!inner.isEmpty()) {
            return block(inner);
        }
        String title = e.attribute("title");
        if (title.isEmpty()) {
            List<String> tabs = new ArrayList<>();
            e.children().stream().filter(n -> n instanceof MdxNode.Element child && child.name().equals("CodeBlockTab"))
                    .map(n -> ((MdxNode.Element) n).attribute("title")).filter(t -> !t.isEmpty()).forEach(tabs::add);
            title = String.join(", ", tabs);
        }
        return title.isEmpty() ? "" : block(MISSING_CODE + title + ")_");
    }

    private String callout(MdxNode.Element e) {
        String type = e.attribute("type");
        String kind = switch (type.toLowerCase(Locale.ROOT)) {
            case "", "info", "note" -> "Note";
            case "warning", "caution" -> "Warning";
            case "danger", "error" -> "Danger";
            case "tip", "success" -> "Tip";
            default -> Character.toUpperCase(type.charAt(0)) + type.substring(1);
        };
        return block(quote("**" + kind + ":** " + children(e).strip()));
    }

    private static String quote(String markdown) {
        return "> " + markdown.replace("\n", "\n> ").replace("\n> \n", "\n>\n");
    }

    /** An event: its name, whether it is still to come, and what triggers it (the payload files are not shipped). */
    private String event(MdxNode.Element root) {
        String name = "";
        boolean comingSoon = false;
        StringBuilder description = new StringBuilder();
        StringBuilder details = new StringBuilder();
        for (MdxNode child : root.children()) {
            if (child instanceof MdxNode.Element e && e.name().equals("Event.Details")) {
                name = e.attribute("name");
                comingSoon = e.attributes().containsKey("comingSoon");
                details.append(render(e.children().stream()
                        .filter(n -> !(n instanceof MdxNode.Element c && c.name().equals("CodeBlock"))).toList()));
            } else if (child instanceof MdxNode.Element e && e.name().equals("Event.Description")) {
                description.append(render(e.children()));
            } else {
                details.append(render(List.of(child)));
            }
        }
        String text = (description + " " + details).replaceAll("\\s+", " ").strip();
        return "- `" + name + "`" + (comingSoon ? " (coming soon)" : "") + (text.isEmpty() ? "" : ": " + text) + "\n";
    }

    private String exampleApp(MdxNode.Element e) {
        String title = e.attribute("title").isEmpty() ? e.attribute("href") : e.attribute("title");
        String description = (e.attribute("description") + " " + inline(e)).strip();
        return "- [" + title + "](" + Links.absolute(e.attribute("href"), pageUrl) + ")"
                + (description.isEmpty() ? "" : ": " + description) + "\n";
    }

    private String link(MdxNode.Element e) {
        String href = e.attribute("href");
        String text = inline(e);
        return href.isEmpty() ? text : "[" + (text.isEmpty() ? href : text) + "](" + Links.absolute(href, pageUrl) + ")";
    }

    private String image(MdxNode.Element e) {
        String src = e.attribute("src");
        return src.isEmpty() || src.startsWith("{") ? "" : "![" + e.attribute("alt") + "](" + Links.absolute(src, pageUrl) + ")";
    }

    /** A tab becomes a labelled sub-section. */
    private String tab(MdxNode.Element e) {
        String label = firstNonEmpty(e.attribute("title"), e.attribute("label"), e.attribute("value"));
        String body = children(e).strip();
        return block((label.isEmpty() ? "" : "**" + label + "**\n\n") + body);
    }

    private static String firstNonEmpty(String... values) {
        for (String v : values) {
            if (!v.isEmpty() && !v.startsWith("{")) {
                return v;
            }
        }
        return "";
    }

    /** Removes the indentation JSX children carry in the source, which Markdown would read as a code block. */
    static String dedent(String markdown) {
        String[] lines = markdown.split("\n", -1);
        int common = Integer.MAX_VALUE;
        for (String line : lines) {
            if (!line.isBlank()) {
                int indent = 0;
                while (indent < line.length() && line.charAt(indent) == ' ') {
                    indent++;
                }
                common = Math.min(common, indent);
            }
        }
        if (common == 0 || common == Integer.MAX_VALUE) {
            return markdown;
        }
        StringBuilder out = new StringBuilder(markdown.length());
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            out.append(line.isBlank() ? "" : line.substring(common));
            if (i < lines.length - 1) {
                out.append('\n');
            }
        }
        return out.toString();
    }
}
