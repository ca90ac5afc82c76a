package com.workos.mcpdocs.render;

import com.workos.mcpdocs.corpus.Page;

/**
 * Renders a page as the Markdown a language model should read: the title and description as a header, then the
 * body without its YAML frontmatter.
 */
public final class PageRenderer {

    /** The whole page as Markdown. */
    public String render(Page page) {
        StringBuilder out = new StringBuilder(page.body().length() + 256);
        out.append("# ").append(page.title()).append("\n\n");
        if (!page.description().isEmpty()) {
            out.append("> ").append(page.description().replace("\n", " ").strip()).append("\n\n");
        }
        out.append("Source: ").append(page.url()).append("\n\n");
        out.append(body(page).strip()).append('\n');
        return out.toString();
    }

    /** The body as Markdown, without the header. */
    public String body(Page page) {
        return page.body();
    }
}
