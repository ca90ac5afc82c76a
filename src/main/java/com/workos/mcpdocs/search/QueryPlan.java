package com.workos.mcpdocs.search;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * What a query asks for, after analysis: its terms (some matched with typo tolerance), the synonyms it implies, and
 * a phrase to reward when its words appear close together. Turned into a Lucene query per index, with that index's
 * field weights.
 */
final class QueryPlan {

    /** How strongly a word from the best field counts against the other fields it also appears in. */
    private static final float TIE_BREAKER = 0.25f;
    static final float SYNONYM_WEIGHT = 0.5f;
    static final float PHRASE_WEIGHT = 1.5f;

    /** A query term; fuzzy when the corpus does not contain it as written. */
    record TermClause(String term, boolean fuzzy, float weight) {
    }

    private final String text;
    private final List<TermClause> terms;
    private final List<List<String>> synonymPhrases;
    private final Query phrase;

    QueryPlan(String text, List<TermClause> terms, List<List<String>> synonymPhrases, Query phrase) {
        this.text = text;
        this.terms = List.copyOf(terms);
        this.synonymPhrases = List.copyOf(synonymPhrases);
        this.phrase = phrase;
    }

    boolean isEmpty() {
        return terms.isEmpty() && synonymPhrases.isEmpty();
    }

    String text() {
        return text;
    }

    List<TermClause> terms() {
        return terms;
    }

    /** Terms for marking snippets: the query's own, not its synonyms. */
    Set<String> termSet() {
        Set<String> out = new LinkedHashSet<>();
        terms.forEach(t -> out.add(t.term()));
        synonymPhrases.forEach(out::addAll);
        return out;
    }

    Query query(Map<String, Float> weights) {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        for (TermClause clause : terms) {
            Query q = termQuery(clause.term(), clause.fuzzy(), weights);
            query.add(clause.weight() == 1f ? q : new BoostQuery(q, clause.weight()), BooleanClause.Occur.SHOULD);
        }
        for (List<String> phraseTerms : synonymPhrases) {
            BooleanQuery.Builder all = new BooleanQuery.Builder();
            for (String term : phraseTerms) {
                all.add(termQuery(term, false, weights), BooleanClause.Occur.MUST);
            }
            query.add(new BoostQuery(all.build(), SYNONYM_WEIGHT), BooleanClause.Occur.SHOULD);
        }
        if (phrase != null) {
            query.add(new BoostQuery(phrase, PHRASE_WEIGHT), BooleanClause.Occur.SHOULD);
        }
        return query.build();
    }

    private static Query termQuery(String term, boolean fuzzy, Map<String, Float> weights) {
        List<Query> perField = new ArrayList<>();
        weights.forEach((field, weight) -> {
            Term t = new Term(field, term);
            Query q = fuzzy ? new FuzzyQuery(t, term.length() >= 8 ? 2 : 1, 1, 20, true) : new TermQuery(t);
            perField.add(new BoostQuery(q, weight));
        });
        return new DisjunctionMaxQuery(perField, TIE_BREAKER);
    }
}
