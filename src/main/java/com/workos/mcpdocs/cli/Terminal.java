package com.workos.mcpdocs.cli;

/** Colour for people at a terminal; plain text when output is redirected or {@code NO_COLOR} is set. */
final class Terminal {

    private static final String BOLD = "\u001B[1m";
    private static final String YELLOW = "\u001B[33m";
    private static final String RESET = "\u001B[0m";

    private Terminal() {
    }

    static boolean colour() {
        return System.console() != null && System.getenv("NO_COLOR") == null;
    }

    /** Markdown emphasis ({@code **word**}) shown in bold yellow on a terminal. */
    static String highlight(String markdown) {
        if (!colour()) {
            return markdown;
        }
        return markdown.replaceAll("\\*\\*([^*]+)\\*\\*", BOLD + YELLOW + "$1" + RESET);
    }
}
