package com.workos.mcpdocs.search;

import com.workos.mcpdocs.corpus.Corpus;
import com.workos.mcpdocs.corpus.Page;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.Weight;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.SingleInstanceLockFactory;
import org.apache.lucene.util.FixedBitSet;
import org.apache.lucene.util.IntsRefBuilder;
import org.apache.lucene.util.LongHeap;

/**
 * Ranked search over a corpus. Pages are ranked by their page-level match plus the match of their best section; a
 * hit names that section and quotes its best passage.
 */
public final class SearchIndex {

    /** How much the best section adds to the page's own score. */
    private static final float SECTION_WEIGHT = 0.6f;
    /** How many of the best-matching pages their sections re-rank. */
    private static final int CANDIDATES = 40;
    /**
     * How much a page's score depends on the share of the query's words it has: 0.5 halves the score of a page
     * with none of them beyond what matched (a coordination factor, as classic Lucene had). Chosen on the
     * development queries, where 0.4 to 0.6 score alike.
     */
    private static final double COVERAGE = 0.5;
    /**
     * A page that lacks a name of code the query gives (an event, a method, an endpoint) which a few pages do have
     * keeps this share of its score: its parts alone ({@code user}, {@code created}) are common words, and a page
     * that matches them well (Create a user) is not about the name (dsync.user.created). Between 0.4 and 0.6 the
     * development queries score alike.
     */
    private static final double MISSING_NAME_FACTOR = 0.6;
    /** A name in more than this share of the pages does not single any out. */
    private static final double NAMING_PAGES_SHARE = 0.1;
    /** Shorter queries are left alone: with one or two words, the words that match are the whole story. */
    private static final int MIN_WORDS_FOR_COVERAGE = 3;
    private static final String REFERENCE_PREFIX = "reference/";
    /** Bounds the memory of {@link #titleDocs}: past this many terms, the pages are looked up each time. */
    private static final int MAX_TITLE_TERMS = 20_000;
    private static final double REFERENCE_PRIOR_FOR_WORDS = 0.85;

    private final Corpus corpus;
    private final IndexSearcher pages;
    private final IndexSearcher sections;
    private final QueryPlanner planner;
    /** Per term, the pages whose title has it. */
    private final TermCache<int[]> titleDocs = new TermCache<>(MAX_TITLE_TERMS, this::readDocs);
    private final ImpactQuery.Postings pageImpacts;
    private final ImpactQuery.Postings sectionImpacts;
    /** Page path by document number, read once. */
    private final String[] pagePaths;
    /** The corpus's page of each page document. */
    private final Page[] pagesByDoc;
    /** The page document of each section document. */
    private final int[] sectionPages;
    /** The first section document of each page document; the page's sections end where the next page's begin. */
    private final int[] firstSection;
    /**
     * Sections that appeared in results, by section document: their readable text (kept in the index) prepared for
     * snippets on first use.
     */
    private final Map<Integer, SectionText> sectionTexts = new ConcurrentHashMap<>();
    /** Scorers not in use, with their buffers, per index; at most {@value #MAX_IDLE_SCORERS} are kept. */
    private final Queue<TermAtATime> pageScorers = new ConcurrentLinkedQueue<>();
    private final Queue<TermAtATime> sectionScorers = new ConcurrentLinkedQueue<>();
    private static final int MAX_IDLE_SCORERS = 4;
    /** The text of pages whose sections had no passage to quote, prepared on first use. */
    private final Map<String, Snippets.Prepared> wholePages = new ConcurrentHashMap<>();

    private record SectionText(String heading, String anchor, Snippets.Prepared text) {
        /** A section as {@link IndexBuilder} stored it. */
        static SectionText of(IndexReader sections, int doc) {
            try {
                return new SectionText(value(sections, Fields.STORED_HEADING, doc),
                        value(sections, Fields.STORED_ANCHOR, doc),
                        new Snippets.Prepared(value(sections, Fields.STORED_TEXT, doc)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static String value(IndexReader reader, String field, int doc) throws IOException {
            List<LeafReaderContext> leaves = reader.leaves();
            LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
            BinaryDocValues values = DocValues.getBinary(leaf.reader(), field);
            return values.advanceExact(doc - leaf.docBase) ? values.binaryValue().utf8ToString() : "";
        }
    }

    private final Suggestions suggestions;

    /** Opens an index over {@code corpus} from its parts (as written by {@link IndexBuilder}). */
    SearchIndex(Corpus corpus, IndexParts parts) throws IOException {
        this.corpus = corpus;
        IndexReader pageReader = parts.openPages();
        IndexReader sectionReader = parts.openSections();
        this.pages = new IndexSearcher(pageReader);
        this.sections = new IndexSearcher(sectionReader);
        // Queries are new every time (built from free text): caching them costs hashing and never hits.
        this.pages.setQueryCache(null);
        this.sections.setQueryCache(null);
        this.pagePaths = new String[pageReader.maxDoc()];
        readPaths(pageReader, pagePaths);
        this.pagesByDoc = new Page[pagePaths.length];
        for (int doc = 0; doc < pagePaths.length; doc++) {
            String path = pagePaths[doc];
            pagesByDoc[doc] = corpus.page(path).orElseThrow(() -> new IOException("the index has a page the corpus "
                    + "does not: " + path));
        }
        String[] sectionPaths = new String[sectionReader.maxDoc()];
        readPaths(sectionReader, sectionPaths);
        Map<String, Integer> pageDocs = new HashMap<>();
        for (int doc = 0; doc < pagePaths.length; doc++) {
            pageDocs.put(pagePaths[doc], doc);
        }
        this.sectionPages = new int[sectionPaths.length];
        this.firstSection = new int[pagePaths.length + 1];
        int page = -1;
        for (int doc = 0; doc < sectionPaths.length; doc++) {
            int next = pageDocs.getOrDefault(sectionPaths[doc], -1);
            if (next < page || next < 0) {
                throw new IOException("the section index does not follow the page index (section " + doc + ")");
            }
            while (page < next) {
                firstSection[++page] = doc;
            }
            sectionPages[doc] = page;
        }
        while (page < pagePaths.length) {
            firstSection[++page] = sectionPaths.length;
        }
        this.planner = new QueryPlanner(pageReader, Synonyms.load());
        this.pageImpacts = new ImpactQuery.Postings(pages);
        this.sectionImpacts = new ImpactQuery.Postings(sections);
        this.suggestions = new Suggestions(pageReader, pageImpacts, this::countHits);
    }

    /** A copy of {@code shared} on the same readers and tables, with caches of its own that start empty. */
    private SearchIndex(SearchIndex shared) {
        this.corpus = shared.corpus;
        this.pages = shared.pages;
        this.sections = shared.sections;
        this.pagePaths = shared.pagePaths;
        this.pagesByDoc = shared.pagesByDoc;
        this.sectionPages = shared.sectionPages;
        this.firstSection = shared.firstSection;
        this.planner = shared.planner.withOwnCaches();
        this.pageImpacts = new ImpactQuery.Postings(pages);
        this.sectionImpacts = new ImpactQuery.Postings(sections);
        this.suggestions = new Suggestions(pages.getIndexReader(), pageImpacts, this::countHits);
    }

    /**
     * Plans a query once, which sets up the analyzers and the stemmer's dictionary (most of a first query), and
     * quotes a snippet from a short text, which compiles the patterns that turn pages into readable text.
     */
    public void prepare() {
        QueryPlan plan = planner.plan("prepared searches");
        String text = "## Searches\n\nA search is <b>prepared</b> [once](x).";
        Snippets.best(new Snippets.Prepared(Snippets.flatten(IndexText.readable(text))),
                new Snippets.Terms(plan.termSet()));
    }

    /**
     * Runs the {@linkplain WarmUp warm-up searches} while {@code next} answers true (it is asked before each one,
     * and may wait), and hands each result to {@code use}. They run on a copy of this index with caches of its
     * own, dropped afterwards: what they leave behind is compiled code, not plans, postings or texts that the
     * searches after them would find ready.
     *
     * @return how many searches ran
     */
    public int warmUp(BooleanSupplier next, BiConsumer<String, SearchResult> use) {
        SearchIndex copy = new SearchIndex(this);
        int done = 0;
        for (WarmUp.Search search : WarmUp.searches(pagesByDoc)) {
            if (!next.getAsBoolean()) {
                break;
            }
            use.accept(search.query(), copy.search(search.query(), 10, search.section()));
            done++;
        }
        return done;
    }

    /** What this index keeps from earlier searches: query tokens, terms' postings and sections' texts. */
    int cachedEntries() {
        return planner.cachedTokens() + pageImpacts.cachedTerms() + sectionImpacts.cachedTerms() + sectionTexts.size();
    }

    /** Builds the index of {@code corpus} in memory. */
    public static SearchIndex build(Corpus corpus) {
        try {
            IndexParts parts = IndexParts.inMemory();
            IndexBuilder.write(corpus, parts);
            return new SearchIndex(corpus, parts);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build the search index", e);
        }
    }

    /**
     * An in-memory directory that keeps each file in one buffer: every term lookup clones a file's input, and a
     * file kept in many small blocks (the default) is cloned block by block.
     */
    static Directory memoryDirectory() {
        return new ByteBuffersDirectory(new SingleInstanceLockFactory(), ByteBuffersDataOutput::new,
                ByteBuffersDirectory.OUTPUT_AS_ONE_BUFFER);
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
     * <p>Every matching page is scored (the corpus is small enough that this costs less than a top-k search
     * followed by second searches for what it missed); the best {@value #CANDIDATES} (or twice the results asked
     * for) are then re-ranked by their best section, the share of the query's words they contain and, for
     * questions in words, a small handicap for reference pages.
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
            Query pageQuery = plan.query(pageImpacts, Fields.PAGE);
            Query sectionQuery = plan.query(sectionImpacts, Fields.SECTION);
            float[] pageScores = new float[pagePaths.length];
            int[] matched = new int[pagePaths.length];
            int[] count = {0};
            scoreAll(pages, pageScorers, pageImpacts, filtered(pageQuery, filter), (doc, score) -> {
                pageScores[doc] = score;
                matched[count[0]++] = doc;
            });
            if (count[0] == 0) {
                return new SearchResult(List.of(), suggestions.forQuery(plan));
            }
            // Sections re-rank the best pages; the sections of pages far down the list cannot lift them into the
            // results, so only the candidates' sections are scored.
            int candidates = Math.min(count[0], Math.max(CANDIDATES, maxResults * 2));
            int[] byScore = topDocs(matched, count[0], pageScores, candidates);
            // A page's best section counts towards its score. The section shown is the one that best answers the
            // rest of the question: the words of the page's title are true of all its sections, so a section is
            // also weighed by its share of the query's other words (as pages are by their share, below). Without
            // that, a title word in one heading outweighed a section with all the other words.
            float[] sectionScores = new float[pagePaths.length];
            double[] shownScores = new double[pagePaths.length];
            int[] sectionDocs = new int[pagePaths.length];
            Arrays.fill(sectionDocs, -1);
            SectionWords sectionWords = sectionWords(plan);
            scoreSections(filtered(sectionQuery, filter), byScore, (doc, score) -> {
                int page = sectionPages[doc];
                sectionScores[page] = Math.max(sectionScores[page], score);
                // The factor is at most 1: a section that scores no more than the one shown cannot replace it.
                if (score > shownScores[page]) {
                    double shown = score * sectionWords.coverage(page, doc);
                    if (shown > shownScores[page]) {
                        shownScores[page] = shown;
                        sectionDocs[page] = doc;
                    }
                }
            });
            boolean codeQuery = plan.mentionsCode();
            List<int[][]> wordPages = wordPages(plan);
            List<FixedBitSet> namingPages = namingPages(plan);
            List<Ranked> ranked = new ArrayList<>(candidates);
            for (int doc : byScore) {
                String path = pagePaths[doc];
                double combined = pageScores[doc] + SECTION_WEIGHT * sectionScores[doc];
                combined *= coverageFactor(wordPages, doc);
                for (FixedBitSet naming : namingPages) {
                    if (!naming.get(doc)) {
                        combined *= MISSING_NAME_FACTOR;
                    }
                }
                // The API reference answers questions about code; questions in words are answered by the guides
                // more often, so there a reference page needs a somewhat stronger match to come first.
                if (!codeQuery && path.startsWith(REFERENCE_PREFIX)) {
                    combined *= REFERENCE_PRIOR_FOR_WORDS;
                }
                int sectionDoc = sectionDocs[doc];
                ranked.add(new Ranked(doc, path, combined, sectionDoc));
            }
            ranked.sort(Comparator.comparingDouble((Ranked r) -> -r.score).thenComparing(r -> r.path));
            List<SearchHit> hits = new ArrayList<>();
            Snippets.Terms terms = new Snippets.Terms(plan.termSet());
            for (Ranked r : ranked.subList(0, Math.min(maxResults, ranked.size()))) {
                hits.add(hit(r, terms));
            }
            return new SearchResult(hits, List.of());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The {@code n} documents of {@code docs[0..count)} with the highest scores (scores are positive), best first;
     * among equal scores the lower document first.
     */
    static int[] topDocs(int[] docs, int count, float[] scores, int n) {
        if (n == 0) {
            return new int[0];
        }
        // A positive float's bits sort like the float: score and document packed in one long, kept in a min-heap of
        // the n best (a few dozen of several hundred: cheaper than sorting them all).
        LongHeap heap = new LongHeap(n);
        for (int i = 0; i < count; i++) {
            long key = ((long) Float.floatToIntBits(scores[docs[i]]) << 32) | (Integer.MAX_VALUE - docs[i]);
            heap.insertWithOverflow(key);
        }
        int[] out = new int[heap.size()];
        for (int i = out.length - 1; i >= 0; i--) {
            out[i] = Integer.MAX_VALUE - (int) heap.pop();
        }
        return out;
    }

    /**
     * How much of the query a page answers: for each word of the query, the pages that contain it in any form.
     * BM25 adds up what matches, so a page that repeats two words of a long question can outscore one that has
     * all of them; the share of words found scales the score ({@link #COVERAGE}). {@code null} for short queries.
     */
    private List<int[][]> wordPages(QueryPlan plan) {
        String field = Fields.PAGE.words().field();
        return wordDocs(plan, term -> pageImpacts.documents(field, term));
    }

    /**
     * Per word of the query, the documents (ascending) that have each of its forms, as {@code documents} gives them;
     * {@code null} for fewer than {@link #MIN_WORDS_FOR_COVERAGE} words.
     */
    private static List<int[][]> wordDocs(QueryPlan plan, Function<String, int[]> documents) {
        List<QueryPlan.TermClause> clauses = plan.terms();
        if (clauses.size() < MIN_WORDS_FOR_COVERAGE) {
            return null;
        }
        List<int[][]> out = new ArrayList<>(clauses.size());
        for (QueryPlan.TermClause clause : clauses) {
            List<int[]> forms = new ArrayList<>();
            clause.whole().forEach(t -> forms.add(documents.apply(t)));
            clause.parts().forEach(t -> forms.add(documents.apply(t)));
            out.add(forms.toArray(new int[0][]));
        }
        return out;
    }

    /** Whether one of a word's forms is in the document. */
    private static boolean anyHas(int[][] forms, int doc) {
        for (int[] docs : forms) {
            if (Arrays.binarySearch(docs, doc) >= 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * For each name of code in the query ({@link QueryPlan.TermClause#namesCode}), the pages that have it in one of
     * its whole forms, when there are some but at most {@link #NAMING_PAGES_SHARE} of all pages.
     */
    private List<FixedBitSet> namingPages(QueryPlan plan) {
        String field = Fields.PAGE.words().field();
        List<FixedBitSet> out = new ArrayList<>();
        for (QueryPlan.TermClause clause : plan.terms()) {
            if (!clause.namesCode()) {
                continue;
            }
            FixedBitSet naming = new FixedBitSet(pagePaths.length);
            for (String form : clause.whole()) {
                for (int doc : pageImpacts.documents(field, form)) {
                    naming.set(doc);
                }
            }
            int pages = naming.cardinality();
            if (pages > 0 && pages <= NAMING_PAGES_SHARE * pagePaths.length) {
                out.add(naming);
            }
        }
        return out;
    }

    /** For each word of the query, the pages whose title has it and the sections that have it. */
    private SectionWords sectionWords(QueryPlan plan) {
        String field = Fields.SECTION.words().field();
        List<int[][]> inTitles = wordDocs(plan, term -> titleDocs.get(Fields.TITLE, term));
        return inTitles == null ? new SectionWords(List.of(), List.of())
                : new SectionWords(inTitles, wordDocs(plan, term -> sectionImpacts.documents(field, term)));
    }

    /** The pages whose field (the title) has {@code term}, in order. */
    private int[] readDocs(String field, String term) {
        try {
            IntsRefBuilder found = new IntsRefBuilder();
            for (LeafReaderContext leaf : pages.getIndexReader().leaves()) {
                PostingsEnum postings = leaf.reader().postings(new Term(field, term), PostingsEnum.NONE);
                if (postings != null) {
                    for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
                        found.append(leaf.docBase + doc);
                    }
                }
            }
            return Arrays.copyOf(found.ints(), found.length());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@link #sectionWords}: for each word of the query, its forms' pages (by title) and sections. */
    private record SectionWords(List<int[][]> inTitles, List<int[][]> inSections) {

        /**
         * The share of the query's words that are not in the page's title which the section has, as a factor
         * from {@code 1 - COVERAGE} to 1; 1 when every word is in the title (or the query is short).
         */
        double coverage(int page, int section) {
            int others = 0;
            int found = 0;
            for (int w = 0; w < inTitles.size(); w++) {
                if (anyHas(inTitles.get(w), page)) {
                    continue;
                }
                others++;
                if (anyHas(inSections.get(w), section)) {
                    found++;
                }
            }
            return others == 0 ? 1 : 1 - COVERAGE + COVERAGE * found / others;
        }
    }

    private static double coverageFactor(List<int[][]> wordPages, int doc) {
        if (wordPages == null) {
            return 1;
        }
        int found = 0;
        for (int[][] forms : wordPages) {
            found += anyHas(forms, doc) ? 1 : 0;
        }
        return 1 - COVERAGE + COVERAGE * found / wordPages.size();
    }

    /** @param sectionDoc the best section's document, -1 for none */
    private record Ranked(int doc, String path, double score, int sectionDoc) {
    }

    /**
     * Scores the sections of the given pages. A page's sections are consecutive documents ({@link IndexBuilder}
     * writes them page by page), so only their ranges are scored.
     */
    private void scoreSections(Query query, int[] pageDocs, TermAtATime.Sink sink) throws IOException {
        int[] ordered = pageDocs.clone();
        Arrays.sort(ordered);
        int[] from = new int[ordered.length];
        int[] to = new int[ordered.length];
        for (int i = 0; i < ordered.length; i++) {
            from[i] = firstSection[ordered[i]];
            to[i] = firstSection[ordered[i] + 1];
        }
        score(sections, sectionScorers, sectionImpacts, query, from, to, true, sink);
    }

    /** Scores every document that matches {@code query}, in any order. */
    private void scoreAll(IndexSearcher searcher, Queue<TermAtATime> scorers, ImpactQuery.Postings postings,
                          Query query, TermAtATime.Sink sink) throws IOException {
        score(searcher, scorers, postings, query, new int[] {0}, new int[] {searcher.getIndexReader().maxDoc()}, false,
                sink);
    }

    /**
     * Scores the documents that match {@code query} in the ranges {@code [from[i], to[i])} (in ascending order if
     * asked): clause by clause ({@link TermAtATime}) on an index of one segment, as every index {@link IndexBuilder}
     * writes is, else with Lucene's scorers.
     */
    private static void score(IndexSearcher searcher, Queue<TermAtATime> scorers, ImpactQuery.Postings postings,
                              Query query, int[] from, int[] to, boolean ascending, TermAtATime.Sink sink)
            throws IOException {
        if (!TermAtATime.applies(searcher)) {
            scoreByDocument(searcher, query, from, to, sink);
            return;
        }
        TermAtATime scorer = scorers.poll();
        if (scorer == null) {
            scorer = new TermAtATime(searcher, postings.positions());
        }
        try {
            boolean[] only = null;
            if (from.length != 1 || from[0] != 0 || to[0] != searcher.getIndexReader().maxDoc()) {
                only = new boolean[searcher.getIndexReader().maxDoc()];
                for (int i = 0; i < from.length; i++) {
                    Arrays.fill(only, from[i], to[i], true);
                }
            }
            scorer.score(query, only, ascending, sink);
        } finally {
            if (scorers.size() < MAX_IDLE_SCORERS) {
                scorers.offer(scorer);
            }
        }
    }

    /**
     * Scores the documents that match {@code query} in the ranges {@code [from[i], to[i])}, in ascending order, one
     * document at a time with Lucene's scorers.
     */
    static void scoreByDocument(IndexSearcher searcher, Query query, int[] from, int[] to, TermAtATime.Sink sink)
            throws IOException {
        Weight weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE, 1f);
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            Scorer scorer = weight.scorer(leaf);
            if (scorer == null) {
                continue;
            }
            DocIdSetIterator docs = scorer.iterator();
            int base = leaf.docBase;
            int leafEnd = base + leaf.reader().maxDoc();
            for (int i = 0; i < from.length; i++) {
                int start = Math.max(from[i], base);
                int end = Math.min(to[i], leafEnd);
                if (start >= end) {
                    continue;
                }
                int doc = docs.docID() >= start - base ? docs.docID() : docs.advance(start - base);
                while (doc != DocIdSetIterator.NO_MORE_DOCS && doc + base < end) {
                    sink.accept(doc + base, scorer.score());
                    doc = docs.nextDoc();
                }
                if (doc == DocIdSetIterator.NO_MORE_DOCS) {
                    break;
                }
            }
        }
    }

    private static void readPaths(IndexReader reader, String[] paths) throws IOException {
        for (LeafReaderContext leaf : reader.leaves()) {
            SortedDocValues pathValues = DocValues.getSorted(leaf.reader(), Fields.PATH);
            for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
                if (pathValues.advanceExact(doc)) {
                    paths[leaf.docBase + doc] = pathValues.lookupOrd(pathValues.ordValue()).utf8ToString();
                }
            }
        }
    }

    private SearchHit hit(Ranked r, Snippets.Terms terms) {
        Page page = pagesByDoc[r.doc];
        SectionText section = null;
        if (r.sectionDoc >= 0) {
            section = sectionTexts.computeIfAbsent(r.sectionDoc, doc -> SectionText.of(sections.getIndexReader(), doc));
        }
        String heading = section == null ? "" : section.heading();
        String anchor = section == null ? "" : section.anchor();
        String snippet = section == null ? "" : Snippets.best(section.text(), terms);
        if (snippet.isEmpty()) {
            snippet = Snippets.best(wholePages.computeIfAbsent(page.path(), p -> new Snippets.Prepared(Snippets.flatten(
                    page.description().isEmpty() ? IndexText.readable(page.body()) : page.description()))), terms);
        }
        String url = page.url() + (anchor.isEmpty() ? "" : "#" + anchor);
        return new SearchHit(page.path(), page.title(), heading, anchor, url, snippet, r.score);
    }

    static Query filtered(Query query, Query filter) {
        if (filter == null) {
            return query;
        }
        return new BooleanQuery.Builder().add(query, BooleanClause.Occur.MUST)
                .add(filter, BooleanClause.Occur.FILTER).build();
    }

    static Query sectionFilter(String section) {
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
