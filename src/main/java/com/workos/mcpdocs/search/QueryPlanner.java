package com.workos.mcpdocs.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.QueryBuilder;

/** Analyzes a query string into a {@link QueryPlan}. */
final class QueryPlanner {

    /** Fields whose vocabulary decides whether a term is known (else it is matched with typo tolerance). */
    private static final String[] VOCABULARY = {Fields.BODY, Fields.TITLE, Fields.HEADINGS, Fields.API, Fields.PARAMS,
            Fields.PATH_TEXT, Fields.DESCRIPTION, Fields.CODE};
    private static final int MIN_FUZZY_LENGTH = 4;
    private static final int PHRASE_SLOP = 3;

    private final Analyzer analyzer = new DocsAnalyzer(false);
    private final QueryBuilder phraseBuilder = new QueryBuilder(new EnglishAnalyzer());
    private final IndexReader reader;
    private final Synonyms synonyms;

    QueryPlanner(IndexReader reader, Synonyms synonyms) {
        this.reader = reader;
        this.synonyms = synonyms;
    }

    QueryPlan plan(String text) {
        List<QueryPlan.TermClause> terms = new ArrayList<>();
        for (String term : new LinkedHashSet<>(Analysis.terms(analyzer, Fields.BODY, text))) {
            boolean known = isKnown(term);
            if (known || term.length() >= MIN_FUZZY_LENGTH && term.chars().allMatch(Character::isLetter)) {
                terms.add(new QueryPlan.TermClause(term, !known, 1f));
            }
        }
        List<List<String>> synonymPhrases = new ArrayList<>();
        for (String expansion : synonyms.expansions(text)) {
            List<String> expansionTerms = Analysis.terms(analyzer, Fields.BODY, expansion).stream()
                    .filter(this::isKnown).distinct().toList();
            if (!expansionTerms.isEmpty()) {
                synonymPhrases.add(expansionTerms);
            }
        }
        Query phrase = null;
        long words = text.strip().split("\\s+").length;
        if (words >= 2 && words <= 12) {
            phrase = phraseBuilder.createPhraseQuery(Fields.PHRASE, text, PHRASE_SLOP);
        }
        return new QueryPlan(text, terms, synonymPhrases, phrase);
    }

    boolean isKnown(String term) {
        try {
            for (String field : VOCABULARY) {
                if (reader.docFreq(new Term(field, term)) > 0) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
