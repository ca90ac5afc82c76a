package com.workos.mcpdocs.search;

import com.workos.mcpdocs.corpus.Corpus;
import com.workos.mcpdocs.corpus.Page;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;

/**
 * Ranked search over a corpus. Pages are ranked by their page-level match plus the match of their best section; a
 * hit names that section and quotes its best passage.
 */
public final class SearchIndex {

    /** How much the best section adds to the page's own score. */
    private static final float SECTION_WEIGHT = 0.6f;
    private static final String REFERENCE_PREFIX = "reference/";
    private static final double REFERENCE_PRIOR_FOR_WORDS = 0.85;

    private final Corpus corpus;
    private final IndexSearcher pages;
    private final IndexSearcher sections;
    private final QueryPlanner planner;
    private final TermCache pageTerms;
    private final TermCache sectionTerms;
    /** Page path and section position by document number, read once: hits need no stored fields. */
    private final String[] pagePaths;
    private final String[] sectionPaths;
    private final int[] sectionOrdinals;
    /** The page document of each section document ({@code -1} if its page is not indexed). */
    private final int[] sectionPages;
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
        Map<String, Integer> pageDocs = new HashMap<>();
        for (int doc = 0; doc < pagePaths.length; doc++) {
            pageDocs.put(pagePaths[doc], doc);
        }
        this.sectionPages = new int[sectionPaths.length];
        for (int doc = 0; doc < sectionPaths.length; doc++) {
            sectionPages[doc] = pageDocs.getOrDefault(sectionPaths[doc], -1);
        }
        this.planner = new QueryPlanner(pageReader, Synonyms.load());
        this.pageTerms = new TermCache(pages);
        this.sectionTerms = new TermCache(sections);
        this.suggestions = new Suggestions(pageReader, pageTerms, this::countHits);
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
     * <p>Each index is scored in one pass over every matching document: the corpus is small enough that exhaustive
     * scoring costs less than a top-k search followed by second searches for the pages and sections it missed, and
     * every page gets its own best section.
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
            Query pageQuery = plan.query(pageTerms, Fields.PAGE_WEIGHTS, Fields.PAGE_WORD_WEIGHTS);
            Query sectionQuery = plan.query(sectionTerms, Fields.SECTION_WEIGHTS);
            float[] pageScores = new float[pagePaths.length];
            int[] matched = new int[pagePaths.length];
            int[] count = {0};
            scoreAll(pages, filtered(pageQuery, filter), (doc, score) -> {
                pageScores[doc] = score;
                matched[count[0]++] = doc;
            });
            if (count[0] == 0) {
                return new SearchResult(List.of(), suggestions.forQuery(plan));
            }
            float[] sectionScores = new float[pagePaths.length];
            int[] sectionDocs = new int[pagePaths.length];
            Arrays.fill(sectionDocs, -1);
            scoreAll(sections, filtered(sectionQuery, filter), (doc, score) -> {
                int page = sectionPages[doc];
                if (page >= 0 && score > sectionScores[page]) {
                    sectionScores[page] = score;
                    sectionDocs[page] = doc;
                }
            });
            boolean codeQuery = plan.mentionsCode();
            List<Ranked> ranked = new ArrayList<>(count[0]);
            for (int i = 0; i < count[0]; i++) {
                int doc = matched[i];
                String path = pagePaths[doc];
                double combined = pageScores[doc] + SECTION_WEIGHT * sectionScores[doc];
                // The API reference answers questions about code; questions in words are answered by the guides
                // more often, so there a reference page needs a somewhat stronger match to come first.
                if (!codeQuery && path.startsWith(REFERENCE_PREFIX)) {
                    combined *= REFERENCE_PRIOR_FOR_WORDS;
                }
                int sectionDoc = sectionDocs[doc];
                ranked.add(new Ranked(path, combined, sectionDoc < 0 ? -1 : sectionOrdinals[sectionDoc]));
            }
            ranked.sort(Comparator.comparingDouble((Ranked r) -> -r.score).thenComparing(r -> r.path));
            List<SearchHit> hits = new ArrayList<>();
            for (Ranked r : ranked.subList(0, Math.min(maxResults, ranked.size()))) {
                hits.add(hit(r, plan));
            }
            return new SearchResult(hits, List.of());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Ranked(String path, double score, int sectionOrdinal) {
    }

    private interface ScoreSink {
        void accept(int doc, float score);
    }

    /** Scores every document that matches {@code query}. */
    private static void scoreAll(IndexSearcher searcher, Query query, ScoreSink sink) throws IOException {
        searcher.search(query, new CollectorManager<Collector, Void>() {
            @Override
            public Collector newCollector() {
                return new SimpleCollector() {
                    private Scorable scorer;
                    private int base;

                    @Override
                    protected void doSetNextReader(LeafReaderContext context) {
                        base = context.docBase;
                    }

                    @Override
                    public void setScorer(Scorable scorer) {
                        this.scorer = scorer;
                    }

                    @Override
                    public void collect(int doc) throws IOException {
                        sink.accept(base + doc, scorer.score());
                    }

                    @Override
                    public ScoreMode scoreMode() {
                        return ScoreMode.COMPLETE;
                    }
                };
            }

            @Override
            public Void reduce(Collection<Collector> collectors) {
                return null;
            }
        });
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

    private SearchHit hit(Ranked r, QueryPlan plan) {
        Page page = corpus.page(r.path).orElseThrow();
        SectionText section = null;
        if (r.sectionOrdinal >= 0) {
            List<SectionText> pageSections = sectionsByPage.computeIfAbsent(page.path(), p -> SectionText.of(page));
            section = r.sectionOrdinal < pageSections.size() ? pageSections.get(r.sectionOrdinal) : null;
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
