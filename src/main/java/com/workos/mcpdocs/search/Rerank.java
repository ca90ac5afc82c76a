package com.workos.mcpdocs.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.FixedBitSet;

/**
 * The second stage of a search: Lucene's best pages weighed by their best section and by how much of the question
 * they answer. Each factor is kept by name, for {@code search --explain}; the formula is in
 * {@code package-info.java}, whose numbers the comments below refer to.
 */
final class Rerank {

    /** How many of the best-matching pages the second stage weighs (or twice the results asked for). */
    static final int CANDIDATES = 40;
    /** (2) How much the best section adds to the page's own score. */
    static final float SECTION_WEIGHT = 0.6f;
    /**
     * (3) How much a score depends on the share of the query's words found: 0.5 halves the score of a page with
     * none of them beyond what matched (a coordination factor, as classic Lucene had). BM25 adds up what matches,
     * so a page that repeats two words of a long question could outscore one that has all of them.
     */
    static final double COVERAGE = 0.7;
    /** (6) As {@link #COVERAGE}, for the choice of a page's section. */
    static final double SECTION_COVERAGE = 0.5;
    /** Shorter queries are left alone: with one or two words, the words that match are the whole story. */
    static final int MIN_WORDS_FOR_COVERAGE = 3;
    /**
     * (4) A page that lacks a name of code the query gives (an event, a method, an endpoint) which a few pages do
     * have keeps this share of its score: its parts alone ({@code user}, {@code created}) are common words.
     */
    static final double MISSING_NAME_FACTOR = 0.6;
    /** A name in more than this share of the pages does not single any out. */
    static final double NAMING_PAGES_SHARE = 0.1;
    /**
     * (5) The API reference answers questions about code; questions in words are answered by the guides more often,
     * so there a reference page needs a somewhat stronger match to come first.
     */
    static final double REFERENCE_PRIOR_FOR_WORDS = 0.85;
    private static final String REFERENCE_PREFIX = "reference/";
    /** (7) A page's second and third sections are listed when they weigh at least this share of its best one. */
    static final double MIN_SECTION_SHARE = 0.4;
    static final int MAX_SECTIONS_PER_PAGE = 3;
    /** (8) The rank a term's definition is given at worst. */
    static final int DEFINITION_RANK = 3;

    /**
     * A ranked hit.
     *
     * @param page    the page's document
     * @param section the document of the section shown, -1 for none
     * @param factors the parts of the score by name, in the order of the formula
     */
    record Ranked(int page, int section, double score, Map<String, Double> factors) {
    }

    private final SearchIndex index;
    private final IndexSearcher searcher;
    private final QueryPlan plan;
    private final Query filter;

    Rerank(SearchIndex index, QueryPlan plan, Query filter) {
        this.index = index;
        this.searcher = index.searcher();
        this.plan = plan;
        this.filter = filter;
    }

    List<Ranked> top(int maxResults) throws IOException {
        // (1) Lucene's score of each page.
        ScoreDoc[] pages = searcher.search(SearchIndex.filtered(plan.query(Fields.PAGE), filter),
                Math.max(CANDIDATES, 2 * maxResults)).scoreDocs;
        if (pages.length == 0) {
            return List.of();
        }
        List<ScoreDoc> sections = sectionScores(pages);
        // (3, 6) Per word of the query, the pages and sections that have it, and the pages whose title has it.
        boolean longQuery = plan.terms().size() >= MIN_WORDS_FOR_COVERAGE;
        List<FixedBitSet> words = longQuery
                ? wordDocs(true, Fields.PAGE_WORDS.field(), Fields.SECTION_TERMS.field()) : null;
        List<FixedBitSet> inTitles = longQuery ? wordDocs(false, Fields.TITLE_WORDS) : null;
        Map<Integer, float[]> best = new HashMap<>();
        Map<Integer, List<Weighed>> answering = new HashMap<>();
        for (ScoreDoc section : sections) {
            int page = index.pageOf(section.doc);
            best.computeIfAbsent(page, p -> new float[1])[0] = Math.max(best.get(page)[0], section.score);
            // (6) A section answers the question's own words: the words of the page's title are true of all its
            // sections, so a section is weighed by its share of the others.
            answering.computeIfAbsent(page, p -> new ArrayList<>()).add(new Weighed(section.doc,
                    section.score * sectionCoverage(words, inTitles, page, section.doc)));
        }
        List<FixedBitSet> naming = namingPages();
        boolean codeQuery = plan.mentionsCode();
        List<Ranked> ranked = new ArrayList<>();
        for (ScoreDoc page : pages) {
            Map<String, Double> factors = new LinkedHashMap<>();
            factors.put("page", (double) page.score);
            float section = best.containsKey(page.doc) ? best.get(page.doc)[0] : 0f;
            factors.put("best section x " + SECTION_WEIGHT, (double) (SECTION_WEIGHT * section));
            double score = page.score + SECTION_WEIGHT * section;
            if (words != null) {
                double coverage = coverage(words, page.doc);
                factors.put("coverage", coverage);
                score *= coverage;
            }
            for (FixedBitSet named : naming) {
                if (!named.get(page.doc)) {
                    factors.merge("missing code name", MISSING_NAME_FACTOR, (a, b) -> a * b);
                    score *= MISSING_NAME_FACTOR;
                }
            }
            if (!codeQuery && index.page(page.doc).path().startsWith(REFERENCE_PREFIX)) {
                factors.put("reference prior", REFERENCE_PRIOR_FOR_WORDS);
                score *= REFERENCE_PRIOR_FOR_WORDS;
            }
            List<Weighed> own = answering.getOrDefault(page.doc, List.of());
            if (own.isEmpty()) {
                ranked.add(new Ranked(page.doc, -1, score, factors));
                continue;
            }
            own.sort(Comparator.comparingDouble((Weighed w) -> -w.score()).thenComparingInt(Weighed::doc));
            ranked.add(new Ranked(page.doc, own.get(0).doc(), score, factors));
            // (7) The page's other sections that answer nearly as well are hits of their own, each at its share of
            // the best one's weight.
            for (int i = 1; i < Math.min(own.size(), MAX_SECTIONS_PER_PAGE); i++) {
                double share = own.get(i).score() / own.get(0).score();
                if (share < MIN_SECTION_SHARE) {
                    break;
                }
                Map<String, Double> its = new LinkedHashMap<>(factors);
                its.put("share of best section", share);
                ranked.add(new Ranked(page.doc, own.get(i).doc(), score * share, its));
            }
        }
        ranked.sort(Comparator.comparingDouble((Ranked r) -> -r.score())
                .thenComparing(r -> index.page(r.page()).path()).thenComparingInt(Ranked::section));
        placeDefinition(ranked);
        return ranked.subList(0, Math.min(maxResults, ranked.size()));
    }

    /**
     * (8) A query that is a term a page of definitions defines (or asks what it is) has that definition first when
     * it asks, else at {@link #DEFINITION_RANK} or better.
     */
    private void placeDefinition(List<Ranked> ranked) throws IOException {
        String key = Definitions.queryKey(plan.text());
        if (key.isEmpty()) {
            return;
        }
        ScoreDoc[] found = searcher.search(SearchIndex.filtered(new TermQuery(new Term(Fields.DEFINES, key)), filter),
                1).scoreDocs;
        if (found.length == 0) {
            return;
        }
        int section = found[0].doc;
        int rank = Math.min(Definitions.asksWhatItIs(plan.text()) ? 0 : DEFINITION_RANK - 1, ranked.size());
        int at = 0;
        while (at < ranked.size() && ranked.get(at).section() != section) {
            at++;
        }
        if (at <= rank && at < ranked.size()) {
            return;
        }
        Map<String, Double> factors = at < ranked.size() ? new LinkedHashMap<>(ranked.remove(at).factors())
                : new LinkedHashMap<>();
        factors.put("definition, placed at rank", rank + 1.0);
        double score = rank < ranked.size() ? ranked.get(rank).score() : 0;
        ranked.add(rank, new Ranked(index.pageOf(section), section, score, factors));
    }

    /**
     * (2) Lucene's score of each matching section of the given pages. A page's sections are the documents after
     * it, up to the next page: the query's scorer is moved to each page's range and reads only those.
     */
    private List<ScoreDoc> sectionScores(ScoreDoc[] pages) throws IOException {
        int[] pageDocs = new int[pages.length];
        for (int i = 0; i < pages.length; i++) {
            pageDocs[i] = pages[i].doc;
        }
        Arrays.sort(pageDocs);
        Query query = searcher.rewrite(SearchIndex.filtered(plan.query(Fields.SECTION), filter));
        Weight weight = searcher.createWeight(query, ScoreMode.COMPLETE, 1f);
        List<ScoreDoc> out = new ArrayList<>();
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            Scorer scorer = weight.scorer(leaf);
            if (scorer == null) {
                continue;
            }
            DocIdSetIterator docs = scorer.iterator();
            int base = leaf.docBase;
            for (int page : pageDocs) {
                int from = Math.max(page + 1 - base, 0);
                int to = Math.min(index.sectionsEnd(page) - base, leaf.reader().maxDoc());
                if (from >= to) {
                    continue;
                }
                int doc = docs.docID() >= from ? docs.docID() : docs.advance(from);
                for (; doc < to; doc = docs.nextDoc()) {
                    out.add(new ScoreDoc(base + doc, scorer.score()));
                }
                if (doc == DocIdSetIterator.NO_MORE_DOCS) {
                    break;
                }
            }
        }
        return out;
    }

    /** A section and its score weighed by the share of the question it answers. */
    private record Weighed(int doc, double score) {
    }

    /**
     * Per word of the query, the documents that have it in any form in one of {@code fields}, and with
     * {@code synonyms} also those that have another phrase of a synonym group the word is in.
     */
    private List<FixedBitSet> wordDocs(boolean synonyms, String... fields) throws IOException {
        List<FixedBitSet> out = new ArrayList<>();
        for (QueryPlan.TermClause clause : plan.terms()) {
            FixedBitSet docs = new FixedBitSet(searcher.getIndexReader().maxDoc());
            for (String form : Stream.concat(clause.whole().stream(), clause.parts().stream()).toList()) {
                for (String field : fields) {
                    add(docs, field, form);
                }
            }
            for (QueryPlan.SynonymGroup group : synonyms ? plan.synonymGroups() : List.<QueryPlan.SynonymGroup>of()) {
                for (List<String> alternative : clause.whole().stream().anyMatch(group.mentioned()::contains)
                        ? group.alternatives() : List.<List<String>>of()) {
                    docs.or(allOf(alternative));
                }
            }
            out.add(docs);
        }
        return out;
    }

    /**
     * For each name of code in the query ({@link QueryPlan.TermClause#namesCode}), the pages that have it in one of
     * its whole forms, when there are some but at most {@link #NAMING_PAGES_SHARE} of all pages.
     */
    private List<FixedBitSet> namingPages() throws IOException {
        List<FixedBitSet> out = new ArrayList<>();
        int pageCount = index.corpus().pages().size();
        for (QueryPlan.TermClause clause : plan.terms()) {
            if (!clause.namesCode()) {
                continue;
            }
            FixedBitSet naming = new FixedBitSet(searcher.getIndexReader().maxDoc());
            for (String form : clause.whole()) {
                add(naming, Fields.PAGE_WORDS.field(), form);
            }
            int count = naming.cardinality();
            if (count > 0 && count <= NAMING_PAGES_SHARE * pageCount) {
                out.add(naming);
            }
        }
        return out;
    }

    /** The pages and sections that have every one of {@code terms}. */
    private FixedBitSet allOf(List<String> terms) throws IOException {
        int maxDoc = searcher.getIndexReader().maxDoc();
        FixedBitSet all = new FixedBitSet(maxDoc);
        all.set(0, maxDoc);
        for (String term : terms) {
            FixedBitSet docs = new FixedBitSet(maxDoc);
            add(docs, Fields.PAGE_WORDS.field(), term);
            add(docs, Fields.SECTION_TERMS.field(), term);
            all.and(docs);
        }
        return all;
    }

    private void add(FixedBitSet docs, String field, String term) throws IOException {
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            PostingsEnum postings = leaf.reader().postings(new Term(field, term), PostingsEnum.NONE);
            if (postings != null) {
                for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
                    docs.set(leaf.docBase + doc);
                }
            }
        }
    }

    /** (3) The share of the query's words a page has, as a factor from {@code 1 - COVERAGE} to 1. */
    private static double coverage(List<FixedBitSet> words, int doc) {
        int found = 0;
        for (FixedBitSet docs : words) {
            found += docs.get(doc) ? 1 : 0;
        }
        return 1 - COVERAGE + COVERAGE * found / words.size();
    }

    /**
     * The share of the query's words that are not in the page's title which the section has, as a factor from
     * {@code 1 - COVERAGE} to 1; 1 when every word is in the title (or the query is short).
     */
    private static double sectionCoverage(List<FixedBitSet> words, List<FixedBitSet> inTitles, int page,
                                          int section) {
        if (words == null) {
            return 1;
        }
        int others = 0;
        int found = 0;
        for (int w = 0; w < words.size(); w++) {
            if (inTitles.get(w).get(page)) {
                continue;
            }
            others++;
            found += words.get(w).get(section) ? 1 : 0;
        }
        return others == 0 ? 1 : 1 - SECTION_COVERAGE + SECTION_COVERAGE * found / others;
    }
}
