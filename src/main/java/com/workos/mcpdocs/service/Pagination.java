package com.workos.mcpdocs.service;

import java.util.function.IntFunction;

/**
 * Cuts a long answer into parts so that one call never floods a context window; each part but the last ends with
 * the exact call that reads the next one.
 */
final class Pagination {

    private Pagination() {
    }

    /**
     * The part of {@code text} from {@code start}, at most about {@code max} characters, cut at a line end when one
     * is near.
     *
     * @param nextCall the call that reads from a given start index
     * @throws IllegalArgumentException when {@code start} is past the end
     */
    static String part(String text, int start, int max, IntFunction<String> nextCall) {
        if (start > 0 && start >= text.length()) {
            throw new IllegalArgumentException("startIndex " + start + " is past the end: the answer has "
                    + text.length() + " characters. Use a startIndex below " + text.length() + ".");
        }
        if (start == 0 && text.length() <= max) {
            return text;
        }
        int end = Math.min(text.length(), start + max);
        if (end < text.length()) {
            int lineEnd = text.lastIndexOf('\n', end - 1);
            if (lineEnd > start + max / 2) {
                end = lineEnd + 1;
            }
        }
        StringBuilder out = new StringBuilder(end - start + 200);
        out.append(text, start, end);
        out.append("\n\n---\n[Characters ").append(start).append('-').append(end).append(" of ")
                .append(text.length()).append('.');
        if (end < text.length()) {
            out.append(" Read the next part with: ").append(nextCall.apply(end));
        } else {
            out.append(" This is the last part.");
        }
        out.append("]\n");
        return out.toString();
    }
}
