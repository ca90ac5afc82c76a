package com.workos.mcpdocs.render;

import com.workos.mcpdocs.corpus.Page;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes the docs' relative link targets absolute, so that a link still works once the text has left the site.
 */
public final class Links {

    private static final Pattern MARKDOWN_LINK = Pattern.compile("(!?\\[(?:[^\\[\\]]|\\[[^\\]]*])*])\\(\\s*([^)\\s]+)(\\s+\"[^\"]*\")?\\s*\\)");
    private static final Pattern ORPHAN_TARGET = Pattern.compile(
            "]\\(\\s*((?![a-zA-Z][a-zA-Z0-9+.-]*:)(?!//)[^)\\s]+)(\\s+\"[^\"]*\")?\\s*\\)");
    private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");

    private Links() {
    }

    /** Every Markdown link and image target in {@code markdown} made absolute against the page at {@code pageUrl}. */
    public static String absolutize(String markdown, String pageUrl) {
        if (markdown.indexOf("](") < 0) {
            return markdown;
        }
        Matcher m = MARKDOWN_LINK.matcher(markdown);
        StringBuilder out = new StringBuilder(markdown.length() + 64);
        while (m.find()) {
            String title = m.group(3) == null ? "" : m.group(3);
            // link text broken over lines reads as two lines of prose: one line, as the site shows it
            String text = m.group(1).indexOf('\n') < 0 ? m.group(1)
                    : m.group(1).replaceAll("\\s*\\n\\s*", " ").replaceAll("\\s+]$", "]");
            m.appendReplacement(out, Matcher.quoteReplacement(text + "(" + absolute(m.group(2), pageUrl)
                    + title + ")"));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * Link targets whose link text is not in the same piece of text (a link whose text is code, {@code [`sso`](/sso)},
     * reaches here as {@code [}, the code, then {@code ](/sso)}) made absolute: any {@code ](target)} left relative.
     */
    public static String absolutizeTargets(String markdown, String pageUrl) {
        if (markdown.indexOf("](") < 0) {
            return markdown;
        }
        Matcher m = ORPHAN_TARGET.matcher(markdown);
        StringBuilder out = new StringBuilder(markdown.length() + 64);
        while (m.find()) {
            String title = m.group(2) == null ? "" : m.group(2);
            m.appendReplacement(out, Matcher.quoteReplacement("](" + absolute(m.group(1), pageUrl) + title + ")"));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * One target made absolute: {@code /sso} and {@code sso} are docs paths, {@code #anchor} stays on the page,
     * {@code ./x} and {@code ../x} are relative to the page; absolute URLs and {@code mailto:} are kept.
     */
    public static String absolute(String target, String pageUrl) {
        if (target.isEmpty() || SCHEME.matcher(target).find() || target.startsWith("//")) {
            return target;
        }
        if (target.startsWith("#")) {
            return pageUrl + target;
        }
        if (target.startsWith("/docs/")) {
            return "https://workos.com" + target;
        }
        if (target.startsWith("/")) {
            return Page.DOCS_BASE_URL + target.substring(1);
        }
        if (target.startsWith("./") || target.startsWith("../")) {
            try {
                return java.net.URI.create(pageUrl).resolve(target).toString();
            } catch (IllegalArgumentException e) {
                return Page.DOCS_BASE_URL + target.replaceFirst("^(\\.\\.?/)+", "");
            }
        }
        return Page.DOCS_BASE_URL + target;
    }
}
