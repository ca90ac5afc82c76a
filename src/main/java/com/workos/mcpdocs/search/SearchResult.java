package com.workos.mcpdocs.search;

import java.util.List;

/**
 * The answer to a query: ranked hits, and when there are none, what to try instead.
 *
 * @param hits        best first
 * @param suggestions spelling corrections and broader queries, filled when there are no hits
 */
public record SearchResult(List<SearchHit> hits, List<String> suggestions) {
    public SearchResult {
        hits = List.copyOf(hits);
        suggestions = List.copyOf(suggestions);
    }
}
