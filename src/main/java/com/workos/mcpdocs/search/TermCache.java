package com.workos.mcpdocs.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;

/**
 * Term queries whose term statistics and dictionary positions are looked up once per index: a query names each
 * term in up to eight fields, and finding a term in the dictionary costs more than scoring its few postings in a
 * corpus this size. The index never changes, so an entry stays valid as long as the searcher.
 */
final class TermCache {

    /** Enough for every term of a long session; past it, lookups are simply not remembered. */
    private static final int MAX_ENTRIES = 200_000;

    private final IndexSearcher searcher;
    private final Map<Term, TermStates> states = new ConcurrentHashMap<>();

    TermCache(IndexSearcher searcher) {
        this.searcher = searcher;
    }

    TermQuery query(String field, String text) {
        Term term = new Term(field, text);
        TermStates cached = states.get(term);
        if (cached == null) {
            try {
                cached = TermStates.build(searcher, term, true);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (states.size() < MAX_ENTRIES) {
                states.put(term, cached);
            }
        }
        return new TermQuery(term, cached);
    }
}
