package com.workos.mcpdocs.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestWord;

/** What to try when a query finds nothing: corrected spellings and broader queries that do find pages. */
final class Suggestions {

    private static final int MAX = 5;

    private final IndexSearcher searcher;
    private final QueryPlanner planner;
    private final DirectSpellChecker spellChecker = QueryPlanner.spellChecker(2);

    Suggestions(IndexSearcher searcher, QueryPlanner planner) {
        this.searcher = searcher;
        this.planner = planner;
        spellChecker.setMinPrefix(0);
    }

    /** @param filter the search's section filter, or {@code null} */
    List<String> forQuery(QueryPlan plan, Query filter) {
        Set<String> out = new LinkedHashSet<>();
        String[] words = plan.text().strip().split("\\s+");
        try {
            for (String word : words) {
                String lower = word.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}_]", "");
                if (lower.length() < 3) {
                    continue;
                }
                for (SuggestWord s : spellChecker.suggestSimilar(new Term(Fields.PAGE_WORDS.field(), lower), 2,
                        searcher.getIndexReader())) {
                    out.add(plan.text().replace(word, s.string));
                }
            }
            if (words.length > 1) {
                // Broader: each word alone that finds pages.
                for (String word : words) {
                    QueryPlan one = planner.plan(word);
                    if (!one.isEmpty() && searcher.count(SearchIndex.filtered(one.query(Fields.PAGE), null)) > 0) {
                        out.add(word);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.stream().limit(MAX).toList();
    }
}
