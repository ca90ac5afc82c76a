package com.workos.mcpdocs.render;

import java.util.regex.Pattern;

/**
 * Marks the docs site puts inside code for its own display, which are not part of the code: the lines
 * {@code /* +diff-start *}{@code /} and {@code # +diff-end} around the lines a step adds.
 */
public final class CodeMarkers {

    private static final Pattern DIFF_LINE = Pattern.compile(
            "(?m)^[ \\t]*(?://|/\\*|#|--|<!--|\\{/\\*)[ \\t]*[+-]diff-(?:start|end)[ \\t]*(?:\\*/}?|-->)?[ \\t]*(?:\\r?\\n|$)");

    private CodeMarkers() {
    }

    /** The code without the site's diff marker lines. */
    public static String strip(String code) {
        if (code.indexOf("diff-") < 0) {
            return code;
        }
        return DIFF_LINE.matcher(code).replaceAll("");
    }
}
