package com.workos.mcpdocs.service;

import com.workos.mcpdocs.search.SearchHit;
import com.workos.mcpdocs.search.SearchIndex;
import java.util.List;

/** Ranked search over the docs. */
public final class SearchService {

    public static final int DEFAULT_RESULTS = 10;
    public static final int MAX_RESULTS = 50;
    public static final int MAX_QUERY_LENGTH = 1000;

    private final SearchIndex index;

    public SearchService(SearchIndex index) {
        this.index = index;
    }

    /**
     * @throws IllegalArgumentException for an empty or over-long query
     */
    public List<SearchHit> search(String query, int maxResults, String section) {
        if (query == null || query.isBlank()) {
            throw new IllegalArgumentException("query is empty; pass words to look for, e.g. 'SAML redirect URI'.");
        }
        if (query.length() > MAX_QUERY_LENGTH) {
            throw new IllegalArgumentException("query is " + query.length() + " characters; the limit is "
                    + MAX_QUERY_LENGTH + ". Use the key words only.");
        }
        return index.search(query, Math.max(1, Math.min(MAX_RESULTS, maxResults)), section);
    }

    /** Results as Markdown for a model or a person. */
    public static String format(String query, List<SearchHit> hits) {
        if (hits.isEmpty()) {
            return "No results for '" + query + "'. Try fewer or more general words, or list the docs with "
                    + "`workos_docs {\"path\": \"\"}`.\n";
        }
        StringBuilder out = new StringBuilder("Results for '").append(query).append("':\n");
        int rank = 1;
        for (SearchHit hit : hits) {
            out.append("\n").append(rank++).append(". **").append(hit.title()).append("** (`").append(hit.path())
                    .append("`)");
            if (!hit.heading().isEmpty()) {
                out.append(" > ").append(hit.heading());
            }
            out.append("\n   ").append(hit.url()).append("\n");
            if (!hit.snippet().isEmpty()) {
                out.append("   ").append(hit.snippet()).append("\n");
            }
        }
        out.append("\nRead a page with `workos_docs {\"path\": \"<path>\"}`.\n");
        return out.toString();
    }
}
