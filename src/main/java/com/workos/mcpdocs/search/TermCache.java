package com.workos.mcpdocs.search;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;

/**
 * Values worked out per field and term of an index that never changes, kept up to a bound (past it they are
 * worked out each time). Looked up by field, then term: a query looks terms up hundreds of times, and no key is
 * built for a lookup.
 */
final class TermCache<V> {

    /**
     * A field's table starts this large: the first searches of a server add hundreds of terms, and growing a table
     * step by step showed in their cost.
     */
    private static final int INITIAL_TERMS = 1024;

    private final Map<String, Map<String, V>> byField = new ConcurrentHashMap<>();
    private final AtomicInteger size = new AtomicInteger();
    private final int maxTerms;
    private final BiFunction<String, String, V> load;

    /** @param load works out the value of a field and term (it may run twice for one term, from two threads) */
    TermCache(int maxTerms, BiFunction<String, String, V> load) {
        this.maxTerms = maxTerms;
        this.load = load;
    }

    /** How many values are kept. */
    int size() {
        return size.get();
    }

    V get(String field, String term) {
        Map<String, V> terms = byField.computeIfAbsent(field, f -> new ConcurrentHashMap<>(INITIAL_TERMS));
        V value = terms.get(term);
        if (value == null) {
            value = load.apply(field, term);
            if (size.get() < maxTerms && terms.putIfAbsent(term, value) == null) {
                size.incrementAndGet();
            }
        }
        return value;
    }
}
