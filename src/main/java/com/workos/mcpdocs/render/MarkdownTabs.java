package com.workos.mcpdocs.render;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The docs' Markdown tab syntax, a list item {@code - | Label} whose indented content is the tab, and its
 * selector-dependent content, {@code - $ backend="nodejs, ruby"}, turned into labelled sub-sections:
 * {@code **Label**} (or {@code **For backend: nodejs, ruby**}) followed by the content, no longer indented.
 */
final class MarkdownTabs {

    private static final Pattern TAB = Pattern.compile("^( *)[-*] \\| (.+?)\\s*$");
    private static final Pattern SELECTOR = Pattern.compile("^( *)[-*] \\$ ([A-Za-z]+)=\"([^\"]*)\"\\s*$");
    private static final Pattern FENCE = Pattern.compile("^\\s*(```|~~~)");

    private MarkdownTabs() {
    }

    static String flatten(String markdown) {
        if (!markdown.contains("| ") && !markdown.contains("$ ")) {
            return markdown;
        }
        String[] lines = markdown.split("\n", -1);
        StringBuilder out = new StringBuilder(markdown.length());
        boolean inFence = false;
        int tabIndent = -1; // the indentation of the current tab's content, -1 outside a tab
        for (String line : lines) {
            if (tabIndent >= 0 && !line.isBlank() && indentOf(line) < tabIndent && !inFence) {
                tabIndent = -1;
            }
            String shown = tabIndent >= 0 ? line.substring(Math.min(indentOf(line), tabIndent)) : line;
            if (FENCE.matcher(line).find()) {
                inFence = !inFence;
            } else if (!inFence) {
                Matcher tab = TAB.matcher(line);
                Matcher selector = SELECTOR.matcher(line);
                if (tab.matches()) {
                    tabIndent = tab.group(1).length() + 2;
                    shown = " ".repeat(tab.group(1).length()) + "**" + tab.group(2) + "**";
                } else if (selector.matches()) {
                    tabIndent = selector.group(1).length() + 2;
                    shown = " ".repeat(selector.group(1).length()) + "**For " + selector.group(2) + ": "
                            + selector.group(3) + "**";
                }
            }
            out.append(shown).append('\n');
        }
        out.setLength(out.length() - 1);
        return out.toString();
    }

    private static int indentOf(String line) {
        int i = 0;
        while (i < line.length() && line.charAt(i) == ' ') {
            i++;
        }
        return i;
    }
}
