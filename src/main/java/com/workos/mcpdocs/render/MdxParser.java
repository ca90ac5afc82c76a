package com.workos.mcpdocs.render;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses an MDX body into prose, code and JSX elements. Lenient by design: anything that does not read as a
 * well-formed tag stays text, a stray closing tag is dropped and unclosed elements end with the body, so a page never
 * fails to render.
 */
public final class MdxParser {

    /** Lower-case names read as HTML elements; other lower-case {@code <words>} (placeholders in prose) stay text. */
    private static final Set<String> HTML_ELEMENTS = Set.of("a", "b", "br", "code", "div", "em", "hr", "i", "img",
            "li", "ol", "p", "pre", "script", "span", "strong", "style", "sub", "sup", "table", "tbody", "td", "th",
            "thead", "tr", "u", "ul", "details", "summary", "kbd", "iframe", "video", "source");
    /** Elements whose content is raw text (CSS, scripts), not MDX. */
    private static final Set<String> RAW_TEXT_ELEMENTS = Set.of("style", "script");
    private static final Pattern FENCE_OPEN = Pattern.compile("^[ \\t]*(`{3,}|~{3,})[^\\n]*");
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9]*(?:\\.[A-Za-z][A-Za-z0-9]*)*");
    private static final Pattern ATTRIBUTE_NAME = Pattern.compile("[A-Za-z_:][-A-Za-z0-9_:.]*");
    private static final Pattern STRING_EXPRESSION = Pattern.compile("\\{\\s*([\"'])([^\"'\\n{}]*)\\1\\s*}");
    private static final Pattern IMPORT_EXPORT = Pattern.compile("^(import|export)\\s");

    private final String source;
    private int pos;
    private final StringBuilder text = new StringBuilder();
    private final Deque<Open> open = new ArrayDeque<>();
    /**
     * Elements opened beyond {@link #MAX_DEPTH}, whose tags are dropped and whose content joins the element around
     * them; kept to match their closing tags.
     */
    private final Deque<String> flattened = new ArrayDeque<>();

    /**
     * Deepest element nesting kept as a tree. Rendering walks the tree recursively, so a page of thousands of nested
     * {@code <div>} must not become a tree that deep; the docs nest elements six levels deep at most.
     */
    static final int MAX_DEPTH = 64;

    private record Open(String name, Map<String, String> attributes, List<MdxNode> children) {
    }

    private MdxParser(String source) {
        this.source = source;
    }

    /** The nodes of {@code body}, in order. */
    public static List<MdxNode> parse(String body) {
        return new MdxParser(body.replace("\r\n", "\n")).run();
    }

    private List<MdxNode> run() {
        open.push(new Open("", Map.of(), new ArrayList<>()));
        while (pos < source.length()) {
            if (atLineStart() && (fence() || moduleLine())) {
                continue;
            }
            char c = source.charAt(pos);
            if (c == '`' && inlineCode()) {
                continue;
            }
            if (c == '{' && (source.startsWith("{/*", pos) ? comment() : stringExpression())) {
                continue;
            }
            if (c == '<' && tag()) {
                continue;
            }
            text.append(c);
            pos++;
        }
        flushText();
        while (open.size() > 1) {
            close();
        }
        return open.peek().children();
    }

    private boolean atLineStart() {
        return pos == 0 || source.charAt(pos - 1) == '\n';
    }

    /** A fenced code block, kept whole through its closing fence (or the end of the body). */
    private boolean fence() {
        Matcher m = FENCE_OPEN.matcher(source).region(pos, source.length());
        if (!m.lookingAt()) {
            return false;
        }
        String marker = m.group(1);
        int lineEnd = source.indexOf('\n', pos);
        int end = source.length();
        int scan = lineEnd < 0 ? source.length() : lineEnd + 1;
        while (scan < source.length()) {
            int next = source.indexOf('\n', scan);
            String line = source.substring(scan, next < 0 ? source.length() : next).strip();
            if (line.startsWith(marker) && line.chars().allMatch(ch -> ch == marker.charAt(0))) {
                end = next < 0 ? source.length() : next;
                break;
            }
            scan = next < 0 ? source.length() : next + 1;
        }
        flushText();
        addNode(new MdxNode.Code(source.substring(pos, end)));
        pos = end;
        return true;
    }

    /** MDX {@code import}/{@code export} statements are build instructions, not content. */
    private boolean moduleLine() {
        int lineEnd = source.indexOf('\n', pos);
        String line = source.substring(pos, lineEnd < 0 ? source.length() : lineEnd);
        if (!IMPORT_EXPORT.matcher(line).find() || open.size() > 1) {
            return false;
        }
        pos = lineEnd < 0 ? source.length() : lineEnd + 1;
        return true;
    }

    /** An inline code span: copied through so that tags and links written inside it stay as written. */
    private boolean inlineCode() {
        int run = 0;
        while (pos + run < source.length() && source.charAt(pos + run) == '`') {
            run++;
        }
        String ticks = "`".repeat(run);
        int close = source.indexOf(ticks, pos + run);
        int paragraphEnd = source.indexOf("\n\n", pos + run);
        if (close < 0 || (paragraphEnd >= 0 && paragraphEnd < close)) {
            text.append(ticks);
            pos += run;
            return true;
        }
        flushText();
        addNode(new MdxNode.Code(source.substring(pos, close + run)));
        pos = close + run;
        return true;
    }

    /** A {@code {/* comment * /}}: authors' notes, dropped. */
    private boolean comment() {
        int end = source.indexOf("*/}", pos);
        if (end < 0) {
            return false;
        }
        pos = end + 3;
        return true;
    }

    /** A JSX string expression such as <code>{' '}</code>: its text. */
    private boolean stringExpression() {
        Matcher m = STRING_EXPRESSION.matcher(source).region(pos, source.length());
        if (!m.lookingAt()) {
            return false;
        }
        text.append(m.group(2));
        pos = m.end();
        return true;
    }

    private boolean tag() {
        int p = pos + 1;
        boolean closing = p < source.length() && source.charAt(p) == '/';
        if (closing) {
            p++;
        }
        Matcher name = NAME.matcher(source).region(p, source.length());
        if (!name.lookingAt() || !isElementName(name.group())) {
            return false;
        }
        p = name.end();
        if (closing) {
            p = skipSpace(p);
            if (p >= source.length() || source.charAt(p) != '>') {
                return false;
            }
            flushText();
            pos = p + 1;
            closeNamed(name.group());
            return true;
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        while (true) {
            int afterSpace = skipSpace(p);
            if (afterSpace >= source.length()) {
                return false;
            }
            char c = source.charAt(afterSpace);
            if (c == '>' || (c == '/' && source.startsWith("/>", afterSpace))) {
                boolean selfClosing = c == '/';
                p = afterSpace + (selfClosing ? 2 : 1);
                flushText();
                pos = p;
                openElement(name.group(), attributes, selfClosing);
                return true;
            }
            if (afterSpace == p && c != '{') {
                return false; // attributes must be separated by white space
            }
            p = afterSpace;
            if (c == '{') { // a spread such as {...props}: nothing a reader needs
                int end = matchingBrace(p);
                if (end < 0) {
                    return false;
                }
                p = end + 1;
                continue;
            }
            Matcher attribute = ATTRIBUTE_NAME.matcher(source).region(p, source.length());
            if (!attribute.lookingAt()) {
                return false;
            }
            p = attribute.end();
            int eq = skipSpace(p);
            if (eq < source.length() && source.charAt(eq) == '=') {
                int valueStart = skipSpace(eq + 1);
                if (valueStart >= source.length()) {
                    return false;
                }
                char quote = source.charAt(valueStart);
                int valueEnd;
                String value;
                if (quote == '"' || quote == '\'') {
                    valueEnd = source.indexOf(quote, valueStart + 1);
                    if (valueEnd < 0) {
                        return false;
                    }
                    value = source.substring(valueStart + 1, valueEnd);
                } else if (quote == '{') {
                    valueEnd = matchingBrace(valueStart);
                    if (valueEnd < 0) {
                        return false;
                    }
                    value = source.substring(valueStart, valueEnd + 1);
                } else {
                    return false;
                }
                attributes.put(attribute.group(), value);
                p = valueEnd + 1;
            } else {
                attributes.put(attribute.group(), "true");
            }
        }
    }

    private static boolean isElementName(String name) {
        return Character.isUpperCase(name.charAt(0)) || HTML_ELEMENTS.contains(name);
    }

    private void openElement(String name, Map<String, String> attributes, boolean selfClosing) {
        if (selfClosing) {
            addNode(new MdxNode.Element(name, attributes, List.of()));
            return;
        }
        if (RAW_TEXT_ELEMENTS.contains(name)) {
            int end = source.indexOf("</" + name + ">", pos);
            pos = end < 0 ? source.length() : end + name.length() + 3;
            addNode(new MdxNode.Element(name, attributes, List.of()));
            return;
        }
        if (open.size() > MAX_DEPTH) {
            flattened.push(name);
            return;
        }
        open.push(new Open(name, attributes, new ArrayList<>()));
    }

    /** Closes up to the matching open element; a closing tag that matches nothing open is dropped. */
    private void closeNamed(String name) {
        if (!flattened.isEmpty()) {
            if (flattened.peek().equals(name)) {
                flattened.pop();
            }
            return; // inside flattened elements nothing deeper is open
        }
        if (open.stream().noneMatch(o -> o.name().equals(name))) {
            return;
        }
        while (!open.peek().name().equals(name)) {
            close();
        }
        close();
    }

    private void close() {
        Open done = open.pop();
        addNode(new MdxNode.Element(done.name(), done.attributes(), done.children()));
    }

    private void addNode(MdxNode node) {
        open.peek().children().add(node);
    }

    private void flushText() {
        if (!text.isEmpty()) {
            addNode(new MdxNode.Text(text.toString()));
            text.setLength(0);
        }
    }

    private int skipSpace(int p) {
        while (p < source.length() && Character.isWhitespace(source.charAt(p))) {
            p++;
        }
        return p;
    }

    /** The index of the brace closing the one at {@code start}, skipping strings and template literals. */
    private int matchingBrace(int start) {
        int depth = 0;
        for (int p = start; p < source.length(); p++) {
            char c = source.charAt(p);
            if (c == '"' || c == '\'' || c == '`') {
                int end = source.indexOf(c, p + 1);
                if (end < 0) {
                    return -1;
                }
                p = end;
            } else if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
                if (depth == 0) {
                    return p;
                }
            }
        }
        return -1;
    }
}
