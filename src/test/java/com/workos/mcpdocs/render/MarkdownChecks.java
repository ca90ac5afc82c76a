package com.workos.mcpdocs.render;

import com.workos.mcpdocs.corpus.ApiEntry;
import com.workos.mcpdocs.corpus.ApiParameter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What rendered Markdown must not contain outside code, and what a reference answer must contain. */
final class MarkdownChecks {

    private static final Pattern FENCED = Pattern.compile("(?ms)^[ \\t]*(`{3,}|~{3,}).*?^[ \\t]*\\1[ \\t]*$");
    private static final Pattern INLINE_CODE = Pattern.compile("(`+)(?:(?!\\1).)+?\\1", Pattern.DOTALL);
    private static final Pattern JSX_TAG = Pattern.compile(
            "</?(?:[A-Z][A-Za-z0-9]*(?:\\.[A-Za-z0-9]+)*|div|span|code|strong|em|style|script|br|img|a|p)(?=[\\s/>])"
                    + "|\\{/\\*");
    private static final Pattern RAW_PLACEHOLDER = Pattern.compile("\\(([A-Za-z_][\\w-]*(?:\\.[A-Za-z_][\\w-]*)+)\\)");

    private MarkdownChecks() {
    }

    /** The text with fenced code blocks and inline code spans removed. */
    static String outsideCode(String markdown) {
        return INLINE_CODE.matcher(FENCED.matcher(markdown).replaceAll("")).replaceAll("");
    }

    /** JSX or HTML tags (and MDX comments) left outside code. */
    static List<String> jsxTags(String markdown) {
        return matches(JSX_TAG, outsideCode(markdown));
    }

    private static final Pattern STRAY_LETTER = Pattern.compile("(?m)^[ \\t]*[A-Za-z][ \\t]*$");
    private static final Pattern DIFF_MARKER = Pattern.compile("[+-]diff-(?:start|end)");
    private static final Pattern RELATIVE_LINK = Pattern.compile("]\\((?![a-zA-Z][a-zA-Z0-9+.-]*:)[^)]*\\)");
    private static final Pattern HEADING_ATTRIBUTE = Pattern.compile("(?m)^#{1,6} .*\\{#[^}]*}[ \\t]*$");
    private static final Pattern H1 = Pattern.compile("(?m)^# ");
    private static final Pattern BROKEN_LINK_TEXT = Pattern.compile("\\[[^\\]\\[\\n]*\\n[^\\]\\[]*]\\(");

    /**
     * Markup the renderer must not leave, by class: a lone letter on a line (a glossary marker's), diff markers in
     * code, relative link targets, {@code {#id}} heading attributes, more than one H1, link text broken over lines.
     */
    static java.util.Map<String, List<String>> artifacts(String markdown) {
        String prose = FENCED.matcher(markdown).replaceAll("");
        java.util.Map<String, List<String>> found = new java.util.LinkedHashMap<>();
        found.put("stray letter", matches(STRAY_LETTER, prose));
        found.put("diff marker", matches(DIFF_MARKER, markdown));
        found.put("relative link", matches(RELATIVE_LINK, prose));
        found.put("heading attribute", matches(HEADING_ATTRIBUTE, prose));
        List<String> h1 = matches(H1, prose);
        found.put("second H1", h1.size() > 1 ? h1.subList(1, h1.size()) : List.of());
        found.put("newline in link text", matches(BROKEN_LINK_TEXT, prose));
        return found;
    }

    /** {@code (ns.key)} placeholders left outside code (URLs in link targets are not placeholders). */
    static List<String> rawPlaceholders(String markdown) {
        String prose = outsideCode(markdown).replaceAll("\\]\\([^)]*\\)", "]");
        return matches(RAW_PLACEHOLDER, prose).stream().filter(p -> !p.contains("workos.com")).toList();
    }

    /**
     * The parameter, property and return keys of an entry, nested ones included; a bare reference such as
     * {@code (OrganizationMembership.id)} stands for its last name.
     */
    static Set<String> keys(ApiEntry entry) {
        Set<String> keys = new LinkedHashSet<>();
        addKeys(entry.parameters(), keys);
        addKeys(entry.properties(), keys);
        for (ApiParameter returned : entry.returns()) {
            // an unwrapped (or unnamed) return value is shown by its fields, not its own name
            if (!returned.key().isEmpty() && !returned.unwrap() && !returned.key().equals("anonymous")) {
                keys.add(returned.key());
            }
            addKeys(returned.properties(), keys);
        }
        if (entry.isSharedParameter()) {
            keys.add(entry.key());
        }
        return keys;
    }

    private static void addKeys(List<ApiParameter> parameters, Set<String> keys) {
        for (ApiParameter p : parameters) {
            if (p.key().isEmpty()) {
                String name = p.description().replaceAll("[()]", "").strip();
                keys.add(name.substring(name.lastIndexOf('.') + 1));
            } else {
                keys.add(p.key());
            }
            addKeys(p.properties(), keys);
        }
    }

    /** Whether {@code markdown} shows {@code key} as a name: in code, as a whole word or at the end of a dotted path. */
    static boolean showsKey(String markdown, String key) {
        Pattern shown = Pattern.compile("`(?:[^`]*\\.)?" + Pattern.quote(key) + "`|`" + Pattern.quote(key) + " ",
                Pattern.CASE_INSENSITIVE);
        return shown.matcher(markdown).find();
    }

    private static List<String> matches(Pattern pattern, String text) {
        List<String> out = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            int from = Math.max(0, m.start() - 30);
            out.add(text.substring(from, Math.min(text.length(), m.end() + 30)).replace('\n', ' '));
        }
        return out;
    }
}
