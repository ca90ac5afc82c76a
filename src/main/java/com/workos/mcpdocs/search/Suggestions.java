package com.workos.mcpdocs.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.ToIntFunction;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestWord;

/** What to try when a query finds nothing: corrected spellings and broader queries that do find pages. */
final class Suggestions {

    private static final int MAX = 5;

    private final IndexReader reader;
    private final ImpactQuery.Postings postings;
    private final ToIntFunction<Query> counter;
    private final DirectSpellChecker spellChecker = new DirectSpellChecker();

    Suggestions(IndexReader reader, ImpactQuery.Postings postings, ToIntFunction<Query> counter) {
        this.reader = reader;
        this.postings = postings;
        this.counter = counter;
        spellChecker.setMaxEdits(2);
        spellChecker.setMinPrefix(0);
    }

    List<String> forQuery(QueryPlan plan) {
        Set<String> out = new LinkedHashSet<>();
        String[] words = plan.text().strip().split("\\s+");
        try {
            for (String word : words) {
                String lower = word.toLowerCase(java.util.Locale.ROOT).replaceAll("[^\\p{L}\\p{N}_]", "");
                if (lower.length() < 3) {
                    continue;
                }
                SuggestWord[] similar = spellChecker.suggestSimilar(new Term(Fields.BODY, lower), 2, reader);
                for (SuggestWord s : similar) {
                    out.add(plan.text().replace(word, s.string));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (words.length > 1) {
            // Broader: each word alone that finds pages.
            List<String> single = new ArrayList<>();
            for (String word : words) {
                List<String> wordTerms = Analysis.terms(new DocsAnalyzer(false), Fields.BODY, word);
                QueryPlan one = new QueryPlan(word, plan.terms().stream()
                        .filter(t -> t.whole().stream().anyMatch(wordTerms::contains))
                        .toList(), List.of(), null, List.of(), plan.commonness());
                if (!one.isEmpty() && counter.applyAsInt(one.query(postings, Fields.PAGE)) > 0) {
                    single.add(word);
                }
            }
            out.addAll(single);
        }
        return out.stream().limit(MAX).toList();
    }
}
