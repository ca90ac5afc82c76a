package com.workos.mcpdocs.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.workos.mcpdocs.corpus.Corpus;
import com.workos.mcpdocs.corpus.Heading;
import com.workos.mcpdocs.corpus.Page;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.junit.jupiter.api.Test;

/** Clause-at-a-time scoring finds the documents Lucene's scorers find, with the same scores, for every query shape. */
class TermAtATimeTest {

    @Test
    void scoresWhatLucenesScorersScore() throws Exception {
        Corpus corpus = EmbeddedIndex.corpus();
        IndexParts parts = EmbeddedIndex.parts();
        IndexSearcher pages = new IndexSearcher(parts.openPages());
        IndexSearcher sections = new IndexSearcher(parts.openSections());
        pages.setQueryCache(null);
        sections.setQueryCache(null);
        QueryPlanner planner = new QueryPlanner(pages.getIndexReader(), Synonyms.load());
        ImpactQuery.Postings pagePostings = new ImpactQuery.Postings(pages);
        ImpactQuery.Postings sectionPostings = new ImpactQuery.Postings(sections);
        TermAtATime pageScorer = new TermAtATime(pages, pagePostings.positions());
        TermAtATime sectionScorer = new TermAtATime(sections, sectionPostings.positions());
        Query filter = SearchIndex.sectionFilter("reference");
        int compared = 0;
        int matches = 0;
        for (String text : queries(corpus)) {
            QueryPlan plan = planner.plan(text);
            if (plan.isEmpty()) {
                continue;
            }
            Query pageQuery = plan.query(pagePostings, Fields.PAGE);
            Query sectionQuery = plan.query(sectionPostings, Fields.SECTION);
            for (Query query : List.of(pageQuery, SearchIndex.filtered(pageQuery, filter))) {
                matches += compare(pages, pageScorer, query, null, text);
            }
            // Sections: every fifth document's neighbourhood, as the candidates' ranges are.
            int maxDoc = sections.getIndexReader().maxDoc();
            boolean[] only = new boolean[maxDoc];
            for (int doc = 0; doc < maxDoc; doc++) {
                only[doc] = doc % 5 < 2;
            }
            matches += compare(sections, sectionScorer, sectionQuery, only, text);
            compared++;
        }
        assertThat(compared).isGreaterThan(400);
        assertThat(matches).isGreaterThan(compared * 20);
    }

    private static int compare(IndexSearcher searcher, TermAtATime scorer, Query query, boolean[] only, String text)
            throws Exception {
        Map<Integer, Float> expected = new LinkedHashMap<>();
        int maxDoc = searcher.getIndexReader().maxDoc();
        List<int[]> ranges = new ArrayList<>();
        for (int doc = 0; doc < maxDoc; doc++) {
            if (only == null || only[doc]) {
                int from = doc;
                while (doc + 1 < maxDoc && (only == null || only[doc + 1])) {
                    doc++;
                }
                ranges.add(new int[] {from, doc + 1});
            }
        }
        SearchIndex.scoreByDocument(searcher, query, ranges.stream().mapToInt(r -> r[0]).toArray(),
                ranges.stream().mapToInt(r -> r[1]).toArray(), expected::put);
        Map<Integer, Float> actual = new LinkedHashMap<>();
        scorer.score(query, only, true, actual::put);
        assertThat(actual.keySet()).as(text).containsExactlyElementsOf(expected.keySet());
        for (var hit : expected.entrySet()) {
            // The same float, or its neighbour: a document's clauses may be added in another order.
            assertThat(actual.get(hit.getKey())).as(text + " doc " + hit.getKey())
                    .isBetween(Math.nextDown(hit.getValue()), Math.nextUp(hit.getValue()));
        }
        return expected.size();
    }

    /** Queries of every shape from the corpus: titles, questions, quoted headings, identifiers, misspellings. */
    private static List<String> queries(Corpus corpus) {
        Set<String> out = new LinkedHashSet<>(List.of("sso saml okta", "directory sync scim users", "mfa 2fa",
                "organisation domain verification", "createOrganizationMembership", "dsync.user.created",
                "POST /user_management/users", "magic link passwordless", "\"redirect uri\" sso", "webhok secret"));
        int i = 0;
        for (Page page : corpus.pages()) {
            if (i++ % 3 != 0) {
                continue;
            }
            out.add(page.title());
            if (!page.headings().isEmpty()) {
                Heading h = page.headings().get(page.headings().size() / 2);
                out.add("how do I " + h.text().toLowerCase() + " with " + page.title());
                out.add("\"" + h.text() + "\" " + page.title());
            }
        }
        return new ArrayList<>(out);
    }
}
