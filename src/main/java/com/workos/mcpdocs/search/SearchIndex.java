package com.workos.mcpdocs.search;

import com.workos.mcpdocs.corpus.Corpus;
import com.workos.mcpdocs.corpus.Page;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.SingleInstanceLockFactory;

/**
 * Ranked search over a corpus: Lucene finds and scores the pages, then {@link Rerank} weighs the best of them by
 * their sections and the share of the question they answer (the formula: {@code package-info.java}). A hit names
 * a section and quotes the passage of it where the query's words matched.
 */
public final class SearchIndex {

    private final Corpus corpus;
    private final IndexSearcher searcher;
    private final QueryPlanner planner;
    private final Suggestions suggestions;
    /** The corpus's page of each page document; {@code null} for sections. */
    private final Page[] pages;
    /** The page document of each document (itself for a page). */
    private final int[] pageOf;
    /** For each page document, the document after its last section. */
    private final int[] sectionsEnd;

    /** How deep {@link #explain} follows Lucene's explanation, as the width of its indent. */
    private static final int EXPLAIN_DEPTH = 8;

    /** Opens the index of {@code corpus} in {@code directory} (as written by {@link IndexBuilder}). */
    SearchIndex(Corpus corpus, Directory directory) throws IOException {
        this.corpus = corpus;
        IndexReader reader = DirectoryReader.open(directory);
        this.searcher = new IndexSearcher(reader);
        // Queries are new every time (built from free text): caching them costs hashing and never hits.
        searcher.setQueryCache(null);
        int maxDoc = reader.maxDoc();
        this.pages = new Page[maxDoc];
        this.pageOf = new int[maxDoc];
        this.sectionsEnd = new int[maxDoc];
        int page = -1;
        for (LeafReaderContext leaf : reader.leaves()) {
            SortedDocValues paths = DocValues.getSorted(leaf.reader(), Fields.PATH);
            NumericDocValues kinds = DocValues.getNumeric(leaf.reader(), Fields.IS_SECTION);
            for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
                int id = leaf.docBase + doc;
                if (!kinds.advanceExact(doc) || kinds.longValue() == 0) {
                    if (!paths.advanceExact(doc)) {
                        throw new IOException("document " + id + " of the search index has no path");
                    }
                    String path = paths.lookupOrd(paths.ordValue()).utf8ToString();
                    pages[id] = corpus.page(path).orElseThrow(() -> new IOException(
                            "the index has a page the corpus does not: " + path));
                    page = id;
                } else if (page < 0) {
                    throw new IOException("the search index starts with a section, not a page");
                }
                pageOf[id] = page;
                sectionsEnd[page] = id + 1;
            }
        }
        this.planner = new QueryPlanner(reader, Synonyms.load());
        this.suggestions = new Suggestions(searcher, planner);
    }

    /** Builds the index of {@code corpus} in memory. */
    public static SearchIndex build(Corpus corpus) {
        try {
            Directory directory = memoryDirectory();
            IndexBuilder.write(corpus, directory);
            return new SearchIndex(corpus, directory);
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

    IndexSearcher searcher() {
        return searcher;
    }

    public Corpus corpus() {
        return corpus;
    }

    /**
     * Runs the {@linkplain WarmUp warm-up searches} while {@code next} answers true (it is asked before each one,
     * and may wait), and hands each result to {@code use}. What they leave behind is compiled code: the index keeps
     * nothing from one search to the next.
     *
     * @return how many searches ran
     */
    public int warmUp(BooleanSupplier next, BiConsumer<String, SearchResult> use) {
        int done = 0;
        for (WarmUp.Search search : WarmUp.searches(corpus.pages().toArray(new Page[0]))) {
            if (!next.getAsBoolean()) {
                break;
            }
            use.accept(search.query(), search(search.query(), 10, search.section()));
            done++;
        }
        return done;
    }

    /**
     * The best sections for a query, best first.
     *
     * @param section only pages at or under this path, or {@code null} for all
     */
    public SearchResult search(String query, int maxResults, String section) {
        QueryPlan plan = planner.plan(query);
        if (plan.isEmpty()) {
            return new SearchResult(List.of(), List.of());
        }
        List<Rerank.Ranked> ranked = rank(plan, maxResults, section);
        if (ranked.isEmpty()) {
            return new SearchResult(List.of(), suggestions.forQuery(plan, sectionFilter(section)));
        }
        Snippets snippets = new Snippets(searcher, plan.termSet(),
                ranked.stream().mapToInt(Rerank.Ranked::section).filter(d -> d >= 0).toArray());
        List<SearchHit> hits = new ArrayList<>();
        for (Rerank.Ranked r : ranked) {
            hits.add(hit(r, snippets));
        }
        return new SearchResult(hits, List.of());
    }

    /**
     * What {@link #search} ranks, hit by hit: the page's and the section's scores as Lucene explains them, and each
     * factor of the second stage by name.
     */
    public List<String> explain(String query, int maxResults, String section) {
        QueryPlan plan = planner.plan(query);
        List<String> out = new ArrayList<>();
        if (plan.isEmpty()) {
            return out;
        }
        Query filter = sectionFilter(section);
        Query pageQuery = filtered(plan.query(Fields.PAGE), filter);
        Query sectionQuery = filtered(plan.query(Fields.SECTION), filter);
        try {
            for (Rerank.Ranked r : rank(plan, maxResults, section)) {
                StringBuilder text = new StringBuilder();
                Page page = pages[r.page()];
                text.append(page.path()).append(r.section() >= 0 && !anchor(r.section()).isEmpty()
                        ? "#" + anchor(r.section()) : "").append("  score ").append(String.format("%.4f", r.score()))
                        .append('\n');
                r.factors().forEach((name, value) -> text.append(String.format("  %-22s %.4f%n", name, value)));
                text.append("  page (Lucene):\n");
                indent(searcher.explain(pageQuery, r.page()), "    ", text);
                if (r.section() >= 0) {
                    text.append("  section (Lucene):\n");
                    indent(searcher.explain(sectionQuery, r.section()), "    ", text);
                }
                out.add(text.toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /**
     * Lucene's explanation down to each clause's parts; what lies below (BM25's idf, tf, k1, b and lengths, a
     * feature's weight and value) repeats for every term and hides the clauses.
     */
    private static void indent(Explanation explanation, String prefix, StringBuilder out) {
        out.append(prefix).append(String.format("%.4f", explanation.getValue().doubleValue())).append(' ')
                .append(explanation.getDescription().replaceFirst(", (computed as|result of:).*", "")).append('\n');
        Explanation[] details = explanation.getDetails();
        if (prefix.length() < EXPLAIN_DEPTH && Arrays.stream(details).anyMatch(d -> d.getDetails().length > 0)) {
            for (Explanation detail : details) {
                indent(detail, prefix + "  ", out);
            }
        }
    }

    private List<Rerank.Ranked> rank(QueryPlan plan, int maxResults, String section) {
        try {
            return new Rerank(this, plan, sectionFilter(section)).top(maxResults);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The page of a page document. */
    Page page(int doc) {
        return pages[doc];
    }

    int pageOf(int doc) {
        return pageOf[doc];
    }

    /** The documents of a page's sections: from the page's document (exclusive) to this one. */
    int sectionsEnd(int pageDoc) {
        return sectionsEnd[pageDoc];
    }

    String anchor(int sectionDoc) {
        return value(Fields.ANCHOR, sectionDoc);
    }

    /** A section document's doc value of {@code field}, empty when none. */
    String value(String field, int doc) {
        try {
            List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
            LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
            BinaryDocValues values = DocValues.getBinary(leaf.reader(), field);
            return values.advanceExact(doc - leaf.docBase) ? values.binaryValue().utf8ToString() : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private SearchHit hit(Rerank.Ranked r, Snippets snippets) {
        Page page = pages[r.page()];
        String heading = r.section() < 0 ? "" : value(Fields.HEADING, r.section());
        String anchor = r.section() < 0 ? "" : anchor(r.section());
        String text = r.section() < 0 ? "" : value(Fields.QUOTED_TEXT, r.section());
        String url = page.url() + (anchor.isEmpty() ? "" : "#" + anchor);
        return new SearchHit(page.path(), page.title(), heading, anchor, url,
                snippets.best(r.section(), text, page.description()), r.score());
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
}
