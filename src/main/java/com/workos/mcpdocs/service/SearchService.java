package com.workos.mcpdocs.service;

import com.workos.mcpdocs.search.SearchHit;
import com.workos.mcpdocs.search.SearchIndex;
import com.workos.mcpdocs.search.SearchResult;
import java.util.List;
import java.util.function.BooleanSupplier;

/** Ranked search over the docs. */
public final class SearchService {

    public static final int DEFAULT_RESULTS = Limit.SEARCH_RESULTS.defaultValue();
    public static final int MAX_RESULTS = Limit.SEARCH_RESULTS.max();
    public static final int MAX_QUERY_LENGTH = 1000;

    private final SearchIndex index;

    public SearchService(SearchIndex index) {
        this.index = index;
    }

    /**
     * Runs searches that get the search compiled before a client's first query, each one up to its Markdown
     * answer, while {@code next} answers true (asked before each search; it may wait for the server to be idle).
     * Later searches find none of their data cached: only the code is ready.
     *
     * @return how many searches ran
     */
    public int warmUp(BooleanSupplier next) {
        return index.warmUp(next, SearchService::format);
    }

    /**
     * @param section only pages at or under this path (e.g. {@code sso}, {@code reference/authkit}), or {@code null}
     * @throws IllegalArgumentException for an empty or over-long query, a number of results out of range, or a
     *                                  section that matches no page
     */
    public SearchResult search(String query, int maxResults, String section) {
        return index.search(checked(query), Limit.SEARCH_RESULTS.check(maxResults, "maxResults"), prefix(section));
    }

    /**
     * How {@link #search} scores each of its hits, one text per hit: Lucene's explanation of the page and section
     * scores and the factors of the re-ranking, by name.
     */
    public List<String> explain(String query, int maxResults, String section) {
        return index.explain(checked(query), Limit.SEARCH_RESULTS.check(maxResults, "maxResults"), prefix(section));
    }

    private String checked(String query) {
        if (query == null || query.isBlank()) {
            throw new IllegalArgumentException("query is empty; pass words to look for, e.g. 'SAML redirect URI'.");
        }
        if (query.length() > MAX_QUERY_LENGTH) {
            throw new IllegalArgumentException("query is " + query.length() + " characters; the limit is "
                    + MAX_QUERY_LENGTH + ". Use the key words only.");
        }
        if (index.corpus().pages().isEmpty()) {
            throw CorpusUnavailableException.noPages(index.corpus().info());
        }
        return query;
    }

    /** The path a section filter names, {@code null} for none; an unknown one is an error that lists the areas. */
    private String prefix(String section) {
        String prefix = null;
        if (section != null && !section.isBlank()) {
            prefix = PathNormalizer.normalize(section).path();
            var corpus = index.corpus();
            if (!prefix.isEmpty() && corpus.page(prefix).isEmpty() && corpus.pagesUnder(prefix).isEmpty()) {
                List<String> areas = corpus.pages().stream().map(p -> p.area()).distinct().toList();
                throw new NotFoundException("No docs section '" + section + "'.", ClosestPaths.closest(prefix, areas, 5));
            }
        }
        return prefix;
    }

    /** The exact {@code workos_docs} arguments that read a hit (with its section when it has one). */
    public static String docsCall(SearchHit hit) {
        return "{\"path\": \"" + hit.path() + "\""
                + (hit.anchor().isEmpty() ? "" : ", \"section\": \"" + hit.anchor() + "\"") + "}";
    }

    /** Results as Markdown for a model. */
    public static String format(String query, SearchResult result) {
        return format(query, result, Calls.TOOLS);
    }

    /** Results as Markdown, pointing at further reading with {@code calls}. */
    public static String format(String query, SearchResult result, Calls calls) {
        List<SearchHit> hits = result.hits();
        if (hits.isEmpty()) {
            StringBuilder out = new StringBuilder("No results for '").append(query).append("'.");
            if (!result.suggestions().isEmpty()) {
                out.append(" Try instead:\n");
                result.suggestions().forEach(s -> out.append("- ").append(s).append('\n'));
            } else {
                out.append(" Try fewer or more general words.\n");
            }
            out.append("Browse the sections with `").append(calls.docs("", null, null)).append("`.\n");
            return out.toString();
        }
        StringBuilder out = new StringBuilder("Results for '").append(query).append("':\n");
        int rank = 1;
        for (SearchHit hit : hits) {
            out.append("\n").append(rank++).append(". **").append(hit.title()).append("**");
            if (!hit.heading().isEmpty()) {
                out.append(" > ").append(hit.heading());
            }
            out.append("\n   path: `").append(hit.path()).append("` · ").append(hit.url()).append('\n');
            if (!hit.snippet().isEmpty()) {
                out.append("   ").append(hit.snippet()).append('\n');
            }
            out.append("   read: `").append(calls.docs(hit.path(), hit.anchor(), null)).append("`\n");
        }
        return out.toString();
    }
}
