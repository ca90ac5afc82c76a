package com.workos.mcpdocs.corpus;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A page's frontmatter kept as UTF-8 JSON until something reads it. Most pages' frontmatter is never looked at in a
 * session (only reference pages that are rendered or looked up), so a snapshot loads without parsing any of it.
 * Thread-safe: parsing happens at most once.
 */
final class LazyFrontmatter extends AbstractMap<String, Object> {

    private final byte[] source;
    private final Function<byte[], Map<String, Object>> parser;
    private volatile Map<String, Object> parsed;

    LazyFrontmatter(byte[] source, Function<byte[], Map<String, Object>> parser) {
        this.source = source;
        this.parser = parser;
    }

    /** The UTF-8 text it was made from (not to be changed), to write it back without parsing. */
    byte[] source() {
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
        return source.length == 0 || map().isEmpty();
    }
}
