package com.workos.mcpdocs.corpus;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A page's frontmatter kept as text until something reads it. Most pages' frontmatter is never looked at in a
 * session (only reference pages that are rendered or looked up), so a snapshot loads without parsing any of it.
 * Thread-safe: parsing happens at most once.
 */
final class LazyFrontmatter extends AbstractMap<String, Object> {

    private final String source;
    private final Function<String, Map<String, Object>> parser;
    private volatile Map<String, Object> parsed;

    LazyFrontmatter(String source, Function<String, Map<String, Object>> parser) {
        this.source = source;
        this.parser = parser;
    }

    /** The text it was made from, to write it back without parsing. */
    String source() {
        return source;
    }

    private Map<String, Object> map() {
        Map<String, Object> result = parsed;
        if (result == null) {
            synchronized (this) {
                result = parsed;
                if (result == null) {
                    result = Collections.unmodifiableMap(new LinkedHashMap<>(parser.apply(source)));
                    parsed = result;
                }
            }
        }
        return result;
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return map().entrySet();
    }

    @Override
    public Object get(Object key) {
        return map().get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return map().containsKey(key);
    }

    @Override
    public int size() {
        return map().size();
    }

    @Override
    public boolean isEmpty() {
        return source.isEmpty() || map().isEmpty();
    }
}
