package com.workos.mcpdocs.cli;

import java.util.Map;

/**
 * Output for people: colour at a terminal that shows it, plain text (no Markdown marks, no escape codes) when the
 * output goes to a pipe or a file, {@code NO_COLOR} is set or {@code TERM} is {@code dumb}.
 */
final class Terminal {

    private static final String BOLD = "\u001B[1m";
    private static final String YELLOW = "\u001B[33m";
    private static final String RESET = "\u001B[0m";

    private Terminal() {
    }

    static boolean colour() {
        return colour(System.console() != null, System.getenv());
    }

    /** Whether to colour: only at a console, and never when the environment asks for none (no-color.org). */
    static boolean colour(boolean console, Map<String, String> environment) {
        String term = environment.get("TERM");
        return console && environment.get("NO_COLOR") == null && !"dumb".equals(term);
    }

    /** Markdown emphasis ({@code **word**}) in bold yellow when colouring; otherwise the text without marks. */
    static String highlight(String markdown) {
        return highlight(markdown, colour());
    }

    static String highlight(String markdown, boolean colour) {
        if (!colour) {
            return plain(markdown);
        }
        return markdown.replaceAll("\\*\\*([^*]+)\\*\\*", BOLD + YELLOW + "$1" + RESET).replaceAll("`([^`\n]+)`", "$1");
    }

    /** The text without the emphasis and code marks of Markdown. */
    static String plain(String markdown) {
        return markdown.replaceAll("\\*\\*([^*]+)\\*\\*", "$1").replaceAll("`([^`\n]+)`", "$1");
    }
}
