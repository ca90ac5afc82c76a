package com.workos.mcpdocs.search;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.BiPredicate;
import java.util.Set;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.FeatureField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.QueryBuilder;

/**
 * What a query asks for, after analysis: its terms (some matched with typo tolerance), the synonyms it implies, and
 * a phrase to reward when its words appear close together. Turned into a Lucene query per kind of document, with
 * its field weights.
 *
 * @param synonymGroups the synonym groups the query mentions
 * @param phrase        the whole query, rewarded where its words stand close together ({@code null}: too short or
 *                      too long)
 * @param quoted        phrases the user put in quotes: rewarded strongly when found nearly as written
 * @param common        whether a weighting has a score of the term without the fields where it is common: a query
 *                      of enough words reads that score instead
 * @param stemmed       the query's words as English stems (provisioning meets provision), in the phrase field
 * @param pairs         each two neighbouring words of the query (as terms of the phrase field), rewarded when they
 *                      stand together in a text (display name)
 */
record QueryPlan(String text, List<TermClause> terms, List<SynonymGroup> synonymGroups, String phrase,
                 List<String> quoted, BiPredicate<Fields.Weighting, String> common, List<String> stemmed,
                 List<List<String>> pairs) {

    /** A synonym group counts as much as its best-matching phrase, at this weight. */
    static final float SYNONYM_WEIGHT = 0.4f;
    static final float PHRASE_WEIGHT = 1.5f;
    static final float QUOTED_WEIGHT = 4f;
    /** A pair of neighbouring words found together counts about as much as one more word (0.8 to 2 score alike). */
    static final float PAIR_WEIGHT = 1f;
    static final float WORD_PARTS_WEIGHT = 0.5f;
    static final float NORMALIZED_FORM_WEIGHT = 0.7f;
    static final float STEMMED_WEIGHT = 0.6f;
    static final int MIN_TERMS_TO_DROP_COMMON = 3;
    static final int PHRASE_SLOP = 3;
    /** The analysis of the phrase fields (English stop words and Porter stems), for phrase queries. */
    private static final QueryBuilder ENGLISH = new QueryBuilder(new EnglishAnalyzer());

    /**
     * One token of the query: the forms of the whole token and its parts. An identifier when written like code
     * ({@code createUser}, {@code user_management.create_user}, {@code /oauth2/userinfo}); a weight below 1 when
     * the whole forms are spelling corrections of a word the corpus does not contain.
     */
    record TermClause(List<String> whole, List<String> parts, boolean identifier, float weight) {

        /**
         * Whether the token names a thing of code as written: an identifier that is more than words joined by
         * hyphens ({@code createUser}, {@code dsync.user.created}, {@code /user_management/users}; not
         * {@code sign-out} or {@code text-message}), found as written, not through a spelling correction.
         */
        boolean namesCode() {
            if (!identifier || weight != 1f || whole.isEmpty()) {
                return false;
            }
            String written = whole.get(0);
            return !written.contains("-")
                    || written.chars().anyMatch(c -> c == '.' || c == '_' || c == '/' || c == ':');
        }
    }

    /**
     * A synonym group the query mentions.
     *
     * @param mentioned    the analyzed terms of the phrase the query used
     * @param alternatives the group's other phrases, each as its analyzed terms
     */
    record SynonymGroup(List<String> mentioned, List<List<String>> alternatives) {
    }

    boolean isEmpty() {
        return terms.isEmpty() && synonymGroups.isEmpty();
    }

    /** Whether any token of the query is written like code (an SDK call, endpoint, event or field name). */
    boolean mentionsCode() {
        return terms.stream().anyMatch(t -> t.identifier() && t.whole().stream().anyMatch(w -> !w.contains("-")));
    }

    /** Terms for marking snippets: the query's own and its synonyms'. */
    Set<String> termSet() {
        Set<String> out = new LinkedHashSet<>();
        terms.forEach(t -> {
            out.addAll(t.whole());
            out.addAll(t.parts());
        });
        synonymGroups.forEach(group -> group.alternatives().forEach(out::addAll));
        return out;
    }

    /**
     * The query as Lucene queries on the fields of one kind of document (pages or sections): terms read their
     * precomputed scores ({@link FeatureField#newLinearQuery}), phrases and pairs are Lucene's phrase queries on the
     * English field, and a query's words in any form are one clause each.
     */
    Query query(Fields.Kind kind) {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        for (TermClause clause : terms) {
            Fields.Weighting w = clause.identifier() ? kind.code() : kind.words();
            BooleanQuery.Builder token = new BooleanQuery.Builder();
            if (!clause.whole().isEmpty()) {
                // The token as written is stronger evidence than its normalized forms (create_users vs createuser).
                List<Query> forms = new ArrayList<>();
                for (String term : clause.whole()) {
                    forms.add(termQuery(term, w, forms.isEmpty() ? 1f : NORMALIZED_FORM_WEIGHT));
                }
                Query whole = forms.size() == 1 ? forms.get(0) : new DisjunctionMaxQuery(forms, 0.1f);
                token.add(clause.weight() == 1f ? whole : new BoostQuery(whole, clause.weight()),
                        BooleanClause.Occur.SHOULD);
            }
            // In code (create_user, vault.readObjectByName) each part is a word of its own; in a product name
            // (AuthKit) the parts only repeat the word, so together they weigh half a word.
            float partWeight = clause.identifier() ? 1f : WORD_PARTS_WEIGHT / Math.max(1, clause.parts().size());
            for (String part : clause.parts()) {
                token.add(termQuery(part, w, partWeight), BooleanClause.Occur.SHOULD);
            }
            query.add(token.build(), BooleanClause.Occur.SHOULD);
        }
        for (SynonymGroup group : synonymGroups) {
            List<Query> alternatives = new ArrayList<>();
            for (List<String> phraseTerms : group.alternatives()) {
                BooleanQuery.Builder all = new BooleanQuery.Builder();
                for (String term : phraseTerms) {
                    all.add(termQuery(term, kind.words(), 1f), BooleanClause.Occur.MUST);
                }
                alternatives.add(all.build());
            }
            query.add(new BoostQuery(new DisjunctionMaxQuery(alternatives, 0f), SYNONYM_WEIGHT),
                    BooleanClause.Occur.SHOULD);
        }
        Query near = phrase == null ? null : ENGLISH.createPhraseQuery(kind.phrase(), phrase, PHRASE_SLOP);
        if (near != null) {
            query.add(new BoostQuery(near, PHRASE_WEIGHT), BooleanClause.Occur.SHOULD);
        }
        if (!stemmed.isEmpty()) {
            BooleanQuery.Builder stems = new BooleanQuery.Builder();
            for (String stem : stemmed) {
                stems.add(new TermQuery(new Term(kind.phrase(), stem)), BooleanClause.Occur.SHOULD);
            }
            query.add(new BoostQuery(stems.build(), STEMMED_WEIGHT), BooleanClause.Occur.SHOULD);
        }
        for (String q : quoted) {
            Query exact = ENGLISH.createPhraseQuery(kind.phrase(), q, 1);
            if (exact != null) {
                query.add(new BoostQuery(exact, QUOTED_WEIGHT), BooleanClause.Occur.SHOULD);
            }
        }
        for (List<String> pair : pairs) {
            query.add(new BoostQuery(new PhraseQuery(kind.phrase(), pair.get(0), pair.get(1)), PAIR_WEIGHT),
                    BooleanClause.Occur.SHOULD);
        }
        return query.build();
    }

    /**
     * A term scored over all of a weighting's fields at once, from the score stored with each document. In a query
     * of several words, the fields where the term is common are left out: there it barely moves a score.
     */
    private Query termQuery(String term, Fields.Weighting weighting, float boost) {
        boolean dropCommon = terms.size() >= MIN_TERMS_TO_DROP_COMMON && weighting.rareField() != null
                && common.test(weighting, term);
        return FeatureField.newLinearQuery(dropCommon ? weighting.rareField() : weighting.field(), term, boost);
    }
}
