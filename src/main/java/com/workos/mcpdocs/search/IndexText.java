package com.workos.mcpdocs.search;

import java.util.regex.Pattern;

/**
 * Turns MDX into the plain text the index reads: JSX tags go (a {@code title="..."} attribute's text stays, it names
 * what follows), links keep their text, images and comments go, code fences are separated out.
 */
final class IndexText {

    static final Pattern IMPORT_EXPORT = Pattern.compile("(?m)^(import|export)\\s.*$");
    static final Pattern JSX_COMMENT = Pattern.compile("\\{/\\*.*?\\*/\\}", Pattern.DOTALL);
    static final Pattern HTML_COMMENT = Pattern.compile("<!--.*?-->", Pattern.DOTALL);
    static final Pattern IMAGE = Pattern.compile("!\\[([^\\]]*)\\]\\([^)]*\\)");
    static final Pattern LINK = Pattern.compile("\\[([^\\]]*)\\]\\([^)]*\\)");
    static final Pattern TAG = Pattern.compile("</?[A-Za-z][\\w.]*((?:\\s+[^>]*?)?)/?>", Pattern.DOTALL);
    static final Pattern TITLE_ATTRIBUTE = Pattern.compile("\\b(?:title|label|name)=\"([^\"]*)\"");

    private IndexText() {
    }

    /** Prose of an MDX fragment, without code fences; images count by their alt text. */
    static String prose(String mdx) {
        return clean(removeFences(mdx, false));
    }

    /** Prose to quote to a reader: like {@link #prose} but without images, whose alt text reads as noise. */
    static String readable(String mdx) {
        String prose = removeFences(mdx, false);
        return clean(prose.contains("![") ? IMAGE.matcher(prose).replaceAll("") : prose);
    }

    /** Only the content of the code fences of an MDX fragment. */
    static String code(String mdx) {
        return removeFences(mdx, true);
    }

    /**
     * Markup removed from prose. A pattern runs only when the text holds what every match of it starts with or
     * contains (most sections have no comments, images or tags): the same result for much less work.
     */
    static String clean(String text) {
        String out = text.contains("import") || text.contains("export") ? IMPORT_EXPORT.matcher(text).replaceAll("")
                : text;
        out = out.contains("{/*") ? JSX_COMMENT.matcher(out).replaceAll(" ") : out;
        out = out.contains("<!--") ? HTML_COMMENT.matcher(out).replaceAll(" ") : out;
        out = out.contains("![") ? IMAGE.matcher(out).replaceAll("$1") : out;
        out = out.contains("](") ? LINK.matcher(out).replaceAll("$1") : out;
        if (out.indexOf('<') < 0) {
            return out.replace("**", "").replace("`", "");
        }
        out = TAG.matcher(out).replaceAll(m -> {
            var title = TITLE_ATTRIBUTE.matcher(m.group(1));
            StringBuilder kept = new StringBuilder(" ");
            while (title.find()) {
                kept.append(title.group(1)).append(". ");
            }
            return java.util.regex.Matcher.quoteReplacement(kept.toString());
        });
        return out.replace("**", "").replace("`", "");
    }

    /** Either the fenced code (keepCode) or everything but it. */
    private static String removeFences(String mdx, boolean keepCode) {
        StringBuilder out = new StringBuilder(mdx.length());
        boolean inFence = false;
        for (String line : mdx.split("\n", -1)) {
            String stripped = line.strip();
            if (stripped.startsWith("```") || stripped.startsWith("~~~")) {
                inFence = !inFence;
                continue;
            }
            if (inFence == keepCode) {
                out.append(line).append('\n');
            }
        }
        return out.toString();
    }
}
