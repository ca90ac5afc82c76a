package com.workos.mcpdocs.render;

import java.util.List;
import java.util.Map;

/** A piece of a parsed MDX body: Markdown prose, code that must be left exactly as written, or a JSX element. */
public sealed interface MdxNode {

    /** Markdown prose between tags; links in it may still be relative. */
    record Text(String markdown) implements MdxNode {
    }

    /** A fenced code block or an inline code span, copied through untouched. */
    record Code(String source) implements MdxNode {
    }

    /**
     * A JSX (or HTML) element.
     *
     * @param name       {@code Callout}, {@code Event.Root}, {@code code}...
     * @param attributes attribute values; string literals unquoted, {@code {expressions}} kept with their braces,
     *                   bare boolean attributes as {@code "true"}
     * @param children   the content between the opening and the closing tag
     */
    record Element(String name, Map<String, String> attributes, List<MdxNode> children) implements MdxNode {
        public Element {
            attributes = Map.copyOf(attributes);
            children = List.copyOf(children);
        }

        /** An attribute value, or empty. */
        public String attribute(String key) {
            return attributes.getOrDefault(key, "");
        }
    }
}
