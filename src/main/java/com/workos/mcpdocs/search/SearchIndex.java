package com.workos.mcpdocs.search;

import com.workos.mcpdocs.corpus.Corpus;
import com.workos.mcpdocs.corpus.Page;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;

/**
 * A Lucene BM25 index over the pages of a corpus, with separately weighted fields for title, headings,
 * description, path and body.
 */
public final class SearchIndex {

    static final String PATH = "path";
    static final String AREA_PATH = "area_path";
    static final Map<String, Float> FIELDS = Map.of(
            "title", 4f,
            "headings", 2f,
            "description", 2f,
            "path_text", 2f,
            "body", 1f);

    private final Corpus corpus;
    private final Analyzer analyzer = new EnglishAnalyzer();
    private final IndexSearcher searcher;

    public SearchIndex(Corpus corpus) {
        this.corpus = corpus;
        try {
            Directory directory = new ByteBuffersDirectory();
            try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer))) {
                for (Page page : corpus.pages()) {
                    writer.addDocument(document(page));
                }
            }
            this.searcher = new IndexSearcher(DirectoryReader.open(directory));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build the search index", e);
        }
    }

    private static Document document(Page page) {
        Document doc = new Document();
        doc.add(new StringField(PATH, page.path(), Field.Store.YES));
        doc.add(new StringField(AREA_PATH, page.path(), Field.Store.NO));
        doc.add(new TextField("title", page.title(), Field.Store.NO));
        doc.add(new TextField("description", page.description(), Field.Store.NO));
        doc.add(new TextField("headings", String.join("\n", page.headings().stream().map(h -> h.text()).toList()),
                Field.Store.NO));
        doc.add(new TextField("path_text", page.path().replace('/', ' ').replace('-', ' '), Field.Store.NO));
        doc.add(new TextField("body", page.body(), Field.Store.NO));
        return doc;
    }

    /**
     * The best pages for a query.
     *
     * @param section only pages at or under this path, or {@code null} for all
     */
    public List<SearchHit> search(String query, int maxResults, String section) {
        List<String> terms = analyze(query);
        if (terms.isEmpty()) {
            return List.of();
        }
        BooleanQuery.Builder textQuery = new BooleanQuery.Builder();
        for (String term : new LinkedHashSet<>(terms)) {
            BooleanQuery.Builder perTerm = new BooleanQuery.Builder();
            FIELDS.forEach((field, boost) ->
                    perTerm.add(new BoostQuery(new TermQuery(new Term(field, term)), boost), BooleanClause.Occur.SHOULD));
            textQuery.add(perTerm.build(), BooleanClause.Occur.SHOULD);
        }
        Query query1 = textQuery.build();
        if (section != null && !section.isBlank()) {
            String prefix = section.strip().replaceFirst("^/", "").replaceFirst("/$", "");
            BooleanQuery.Builder filtered = new BooleanQuery.Builder();
            filtered.add(query1, BooleanClause.Occur.MUST);
            BooleanQuery.Builder sectionFilter = new BooleanQuery.Builder();
            sectionFilter.add(new TermQuery(new Term(AREA_PATH, prefix)), BooleanClause.Occur.SHOULD);
            sectionFilter.add(new PrefixQuery(new Term(AREA_PATH, prefix + "/")), BooleanClause.Occur.SHOULD);
            filtered.add(sectionFilter.build(), BooleanClause.Occur.FILTER);
            query1 = filtered.build();
        }
        try {
            TopDocs top = searcher.search(query1, maxResults);
            List<SearchHit> hits = new ArrayList<>();
            Set<String> queryTerms = Set.copyOf(terms);
            for (ScoreDoc scoreDoc : top.scoreDocs) {
                String path = searcher.storedFields().document(scoreDoc.doc).get(PATH);
                Page page = corpus.page(path).orElseThrow();
                Snippets.Passage passage = Snippets.best(page, queryTerms, analyzer);
                String url = page.url() + (passage.anchor().isEmpty() ? "" : "#" + passage.anchor());
                hits.add(new SearchHit(path, page.title(), passage.heading(), passage.anchor(), url, passage.text(),
                        scoreDoc.score));
            }
            return hits;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<String> analyze(String text) {
        return analyze(analyzer, text);
    }

    static List<String> analyze(Analyzer analyzer, String text) {
        List<String> out = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("body", text.toLowerCase(Locale.ROOT))) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                out.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
