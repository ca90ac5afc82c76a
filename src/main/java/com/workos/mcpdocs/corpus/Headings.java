package com.workos.mcpdocs.corpus;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds the Markdown headings of a body and the anchors the docs site gives them. */
public final class Headings {

    private static final Pattern HEADING = Pattern.compile("^(#{1,6})\\s+(.+?)\\s*#*\\s*$");
    private static final Pattern FENCE = Pattern.compile("^\\s*(```|~~~)");

    private Headings() {
    }

    /** Headings outside code fences, in order. Duplicate anchors get {@code -1}, {@code -2}... as on the site. */
    public static List<Heading> of(String body) {
        List<Heading> headings = new ArrayList<>();
        java.util.Map<String, Integer> seen = new java.util.HashMap<>();
        String[] lines = body.split("\n", -1);
        boolean inFence = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (FENCE.matcher(line).find()) {
                inFence = !inFence;
                continue;
            }
            if (inFence) {
                continue;
            }
            Matcher m = HEADING.matcher(line);
            if (m.matches()) {
                String text = plainText(m.group(2));
                String anchor = slug(text);
                int count = seen.merge(anchor, 1, Integer::sum);
                if (count > 1) {
                    anchor = anchor + "-" + (count - 1);
                }
                headings.add(new Heading(m.group(1).length(), text, anchor, i));
            }
        }
        return headings;
    }

    /** Heading text without Markdown decoration: code ticks, emphasis, link targets. */
    public static String plainText(String markdown) {
        return markdown
                .replaceAll("\\[([^\\]]*)\\]\\([^)]*\\)", "$1")
                .replaceAll("[`*_]{1,2}([^`*_]+)[`*_]{1,2}", "$1")
                .replace("`", "")
                .strip();
    }

    /** GitHub-style anchor: lower case, punctuation dropped, spaces to hyphens. */
    public static String slug(String text) {
        String normalized = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(normalized.length());
        for (int i = 0; i < normalized.length(); i++) {
            char c = normalized.charAt(i);
            if (Character.isLetterOrDigit(c) || c == '-' || c == '_') {
                out.append(c);
            } else if (c == ' ') {
                out.append('-');
            }
        }
        return out.toString();
    }
}
