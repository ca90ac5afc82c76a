package com.workos.mcpdocs.corpus;

/**
 * A Markdown heading of a page.
 *
 * @param level  1 to 6
 * @param text   the heading text as shown
 * @param anchor the URL fragment the docs site gives it
 * @param line   0-based line of the heading in the page body
 */
public record Heading(int level, String text, String anchor, int line) {
}
