package com.workos.mcpdocs.search;

import com.workos.mcpdocs.corpus.Corpus;
import com.workos.mcpdocs.corpus.Page;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedDocValues;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.BytesRef;

/**
 * Ranked search over a corpus. Pages are ranked by their page-level match plus the match of their best section; a
 * hit names that section and quotes its best passage.
 */
public final class SearchIndex {

    /** How many pages are considered before sections re-rank them. */
    private static final int CANDIDATES = 30;
    /** How many sections are considered; their pages join the candidates. */
    private static final int SECTION_CANDIDATES = 40;
    /** How much the best section adds to the page's own score. */
    private static final float SECTION_WEIGHT = 0.6f;
    private static final String REFERENCE_PREFIX = "reference/";
    private static final double REFERENCE_PRIOR_FOR_WORDS = 0.85;

    private final Corpus corpus;
    private final IndexSearcher pages;
    private final IndexSearcher sections;
    private final QueryPlanner planner;
    /** Page path and section position by document number, read once: hits need no stored fields. */
    private final String[] pagePaths;
    private final String[] sectionPaths;
    private final int[] sectionOrdinals;
    /** Sections of pages that appeared in results, split and prepared for snippets on first use. */
    private final Map<String, List<SectionText>> sectionsByPage = new ConcurrentHashMap<>();

    private record SectionText(String heading, String anchor, Snippets.Prepared text) {
        static List<SectionText> of(Page page) {
            return Section.of(page).stream()
                    .map(s -> new SectionText(s.heading(), s.anchor(), new Snippets.Prepared(IndexText.readable(s.mdx()))))
                    .toList();
        }
    }
    private final Suggestions suggestions;

    /** Opens an index over {@code corpus} from its two directories (as written by {@link IndexBuilder}). */
    public SearchIndex(Corpus corpus, Directory pageDirectory, Directory sectionDirectory) throws IOException {
        this.corpus = corpus;
        IndexReader pageReader = DirectoryReader.open(pageDirectory);
        IndexReader sectionReader = DirectoryReader.open(sectionDirectory);
        this.pages = new IndexSearcher(pageReader);
        this.sections = new IndexSearcher(sectionReader);
        // Queries are new every time (built from free text): caching them costs hashing and never hits.
        this.pages.setQueryCache(null);
        this.sections.setQueryCache(null);
        this.pagePaths = new String[pageReader.maxDoc()];
        readDocValues(pageReader, pagePaths, null);
        this.sectionPaths = new String[sectionReader.maxDoc()];
        this.sectionOrdinals = new int[sectionReader.maxDoc()];
        readDocValues(sectionReader, sectionPaths, sectionOrdinals);
        this.planner = new QueryPlanner(pageReader, Synonyms.load());
        this.suggestions = new Suggestions(pageReader, this::countHits);
    }

    /** Builds the index of {@code corpus} in memory. */
    public static SearchIndex build(Corpus corpus) {
        try {
            Directory pageDirectory = new ByteBuffersDirectory();
            Directory sectionDirectory = new ByteBuffersDirectory();
            IndexBuilder.writePages(corpus, pageDirectory);
            IndexBuilder.writeSections(corpus, sectionDirectory);
            return new SearchIndex(corpus, pageDirectory, sectionDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build the search index", e);
        }
    }

    QueryPlanner planner() {
        return planner;
    }

    public Corpus corpus() {
        return corpus;
    }

    /**
     * The best pages for a query.
     *
     * @param section only pages at or under this path, or {@code null} for all
     */
    public SearchResult search(String query, int maxResults, String section) {
        QueryPlan plan = planner.plan(query);
        if (plan.isEmpty()) {
            return new SearchResult(List.of(), List.of());
        }
        try {
            Query filter = sectionFilter(section);
            Query pageQuery = plan.query(Fields.PAGE_WEIGHTS, Fields.PAGE_WORD_WEIGHTS);
            Query sectionQuery = plan.query(Fields.SECTION_WEIGHTS);
            Map<String, Float> pageScores = scores(pages, filtered(pageQuery, filter), Math.max(CANDIDATES, maxResults));
            // Pages with one section that answers well but a weak overall match are candidates too.
            Map<String, BestSection> best = bestSections(filtered(sectionQuery, filter), SECTION_CANDIDATES);
            Set<String> missing = new LinkedHashSet<>(best.keySet());
            missing.removeAll(pageScores.keySet());
            if (!missing.isEmpty()) {
                pageScores.putAll(scores(pages, restricted(pageQuery, missing), missing.size()));
            }
            if (pageScores.isEmpty()) {
                return new SearchResult(List.of(), suggestions.forQuery(plan));
            }
            List<Ranked> ranked = new ArrayList<>();
            boolean codeQuery = plan.mentionsCode();
            pageScores.forEach((path, score) -> {
                BestSection s = best.get(path);
                double combined = score + (s == null ? 0 : SECTION_WEIGHT * s.score());
                // The API reference answers questions about code; questions in words are answered by the guides
                // more often, so there a reference page needs a somewhat stronger match to come first.
                if (!codeQuery && path.startsWith(REFERENCE_PREFIX)) {
                    combined *= REFERENCE_PRIOR_FOR_WORDS;
                }
                ranked.add(new Ranked(path, combined, s));
            });
            ranked.sort(Comparator.comparingDouble((Ranked r) -> -r.score).thenComparing(r -> r.path));
            List<Ranked> top = ranked.subList(0, Math.min(maxResults, ranked.size()));
            // A page whose sections all ranked below the section candidates still gets its best one named.
            Set<String> withoutSection = new LinkedHashSet<>();
            top.stream().filter(r -> r.section == null).forEach(r -> withoutSection.add(r.path));
            if (!withoutSection.isEmpty()) {
                best.putAll(bestSections(restricted(sectionQuery, withoutSection), withoutSection.size() * 8));
            }
            List<SearchHit> hits = new ArrayList<>();
            for (Ranked r : top) {
                hits.add(hit(r.section != null ? r : new Ranked(r.path, r.score, best.get(r.path)), plan));
            }
            return new SearchResult(hits, List.of());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Ranked(String path, double score, BestSection section) {
    }

    private record BestSection(int ordinal, float score) {
    }

    private Map<String, Float> scores(IndexSearcher searcher, Query query, int n) throws IOException {
        Map<String, Float> out = new LinkedHashMap<>();
        for (ScoreDoc doc : top(searcher, query, n).scoreDocs) {
            out.put(pagePaths[doc.doc], doc.score);
        }
        return out;
    }

    /** The top {@code n} without counting every hit, so scoring can skip documents that cannot make it. */
    private static TopDocs top(IndexSearcher searcher, Query query, int n) throws IOException {
        int size = Math.max(1, n);
        return searcher.search(query, new TopScoreDocCollectorManager(size, null, size, false));
    }

    private static void readDocValues(IndexReader reader, String[] paths, int[] ordinals) throws IOException {
        for (LeafReaderContext leaf : reader.leaves()) {
            SortedDocValues pathValues = DocValues.getSorted(leaf.reader(), Fields.PATH);
            NumericDocValues ordinalValues = ordinals == null ? null
                    : DocValues.getNumeric(leaf.reader(), Fields.ORDINAL);
            for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
                if (pathValues.advanceExact(doc)) {
                    paths[leaf.docBase + doc] = pathValues.lookupOrd(pathValues.ordValue()).utf8ToString();
                }
                if (ordinalValues != null && ordinalValues.advanceExact(doc)) {
                    ordinals[leaf.docBase + doc] = (int) ordinalValues.longValue();
                }
            }
        }
    }

    private static Query restricted(Query query, Set<String> paths) {
        List<BytesRef> terms = paths.stream().map(BytesRef::new).toList();
        return filtered(query, new TermInSetQuery(Fields.PATH, terms));
    }

    /** The best section of each page among the top {@code n} sections. */
    private Map<String, BestSection> bestSections(Query query, int n) throws IOException {
        TopDocs top = top(sections, query, n);
        Map<String, BestSection> best = new LinkedHashMap<>();
        for (ScoreDoc doc : top.scoreDocs) {
            best.putIfAbsent(sectionPaths[doc.doc], new BestSection(sectionOrdinals[doc.doc], doc.score));
        }
        return best;
    }

    private SearchHit hit(Ranked r, QueryPlan plan) {
        Page page = corpus.page(r.path).orElseThrow();
        SectionText section = null;
        if (r.section != null) {
            List<SectionText> pageSections = sectionsByPage.computeIfAbsent(page.path(), p -> SectionText.of(page));
            section = r.section.ordinal() < pageSections.size() ? pageSections.get(r.section.ordinal()) : null;
        }
        String heading = section == null ? "" : section.heading();
        String anchor = section == null ? "" : section.anchor();
        String snippet = section == null ? "" : Snippets.best(section.text(), plan.termSet());
        if (snippet.isEmpty()) {
            snippet = Snippets.best(page.description().isEmpty() ? IndexText.readable(page.body()) : page.description(),
                    plan.termSet());
        }
        String url = page.url() + (anchor.isEmpty() ? "" : "#" + anchor);
        return new SearchHit(page.path(), page.title(), heading, anchor, url, snippet, r.score);
    }

    private static Query filtered(Query query, Query filter) {
        if (filter == null) {
            return query;
        }
        return new BooleanQuery.Builder().add(query, BooleanClause.Occur.MUST)
                .add(filter, BooleanClause.Occur.FILTER).build();
    }

    private static Query sectionFilter(String section) {
        if (section == null || section.isBlank()) {
            return null;
        }
        String prefix = section.strip().replaceFirst("^/+", "").replaceFirst("/+$", "");
        return new BooleanQuery.Builder()
                .add(new TermQuery(new Term(Fields.PATH, prefix)), BooleanClause.Occur.SHOULD)
                .add(new PrefixQuery(new Term(Fields.PATH, prefix + "/")), BooleanClause.Occur.SHOULD)
                .build();
    }

    private int countHits(Query query) {
        try {
            return pages.count(query);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Distinct analyzed terms of a text, for tests and diagnostics. */
    public static List<String> analyze(String text) {
        return new ArrayList<>(new LinkedHashSet<>(Analysis.terms(new DocsAnalyzer(false), Fields.BODY, text)));
    }
}
