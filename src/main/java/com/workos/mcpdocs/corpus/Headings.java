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
    /** Trailing heading metadata such as {@code {{ "url": "authentication" }}}: not shown, may set the anchor. */
    private static final Pattern METADATA = Pattern.compile("\\s*\\{\\{(.*)}}\\s*$");
    private static final Pattern METADATA_URL = Pattern.compile("\"url\"\\s*:\\s*\"([^\"]+)\"");
    /** A rendered heading's explicit anchor, {@code {#authentication}}. */
    private static final Pattern EXPLICIT_ANCHOR = Pattern.compile("\\s*\\{#([^}\\s]+)}\\s*$");

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
                String raw = m.group(2);
                String text = plainText(withoutMetadata(raw));
                String anchor = explicitAnchor(raw).orElse(slug(text));
                int count = seen.merge(anchor, 1, Integer::sum);
                if (count > 1) {
                    anchor = anchor + "-" + (count - 1);
                }
                headings.add(new Heading(m.group(1).length(), text, anchor, i));
            }
        }
        return headings;
    }

    /** The heading text without its trailing {@code {{ ... }}} metadata. */
    public static String withoutMetadata(String headingText) {
        return EXPLICIT_ANCHOR.matcher(METADATA.matcher(headingText).replaceFirst("")).replaceFirst("");
    }

    /** The anchor a heading's {@code {{ "url": "..." }}} metadata or {@code {#anchor}} suffix sets, if any. */
    public static java.util.Optional<String> explicitAnchor(String headingText) {
        Matcher explicit = EXPLICIT_ANCHOR.matcher(headingText);
        if (explicit.find()) {
            return java.util.Optional.of(explicit.group(1));
        }
        Matcher metadata = METADATA.matcher(headingText);
        if (metadata.find()) {
            Matcher url = METADATA_URL.matcher(metadata.group(1));
            if (url.find()) {
                return java.util.Optional.of(url.group(1));
            }
        }
        return java.util.Optional.empty();
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

    /**
     * The markdown with its headings moved down so the highest is at level {@code top} or below: a body placed under
     * a title of its own keeps a single H1. Unchanged when no heading is above {@code top}.
     */
    public static String demote(String markdown, int top) {
        List<Heading> headings = of(markdown);
        int highest = headings.stream().mapToInt(Heading::level).min().orElse(top);
        int shift = top - highest;
        if (shift <= 0) {
            return markdown;
        }
        String[] lines = markdown.split("\n", -1);
        for (Heading h : headings) {
            lines[h.line()] = "#".repeat(Math.min(6, h.level() + shift)) + lines[h.line()].replaceFirst("^#+", "");
        }
        return String.join("\n", lines);
    }

    /**
     * The markdown without the {@code {#anchor}} suffixes of its headings: they carry the site's anchors for finding
     * sections, and are noise to a reader (a section is asked for by its heading text or its anchor alike).
     */
    public static String withoutExplicitAnchors(String markdown) {
        if (markdown.indexOf("{#") < 0) {
            return markdown;
        }
        String[] lines = markdown.split("\n", -1);
        for (Heading h : of(markdown)) {
            lines[h.line()] = EXPLICIT_ANCHOR.matcher(lines[h.line()]).replaceFirst("");
        }
        return String.join("\n", lines);
    }
}
