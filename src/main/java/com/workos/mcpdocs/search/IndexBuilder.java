package com.workos.mcpdocs.search;

import com.workos.mcpdocs.corpus.ApiReference;
import com.workos.mcpdocs.corpus.Corpus;
import com.workos.mcpdocs.corpus.Heading;
import com.workos.mcpdocs.corpus.Page;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.util.BytesRef;
import java.util.List;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.Directory;

/**
 * Writes the two Lucene indexes of a corpus: one document per page (ranking) and one per section (which part of the
 * page answers, and the snippet).
 */
public final class IndexBuilder {

    private IndexBuilder() {
    }

    static Analyzer indexAnalyzer() {
        return new PerFieldAnalyzerWrapper(new DocsAnalyzer(true), Map.of(Fields.PHRASE, new EnglishAnalyzer()));
    }

    /**
     * Writes the page and section indexes of {@code corpus}, then, from their statistics, the per-term scores
     * ({@link Impacts}) of the same documents beside them.
     */
    static void write(Corpus corpus, IndexParts parts) throws IOException {
        List<Document> pages = new ArrayList<>();
        List<Document> sections = new ArrayList<>();
        for (Page page : corpus.pages()) {
            pages.add(pageDocument(page));
            for (Section section : Section.of(page)) {
                sections.add(sectionDocument(page, section));
            }
        }
        write(parts.pages(), pages);
        write(parts.sections(), sections);
        try (DirectoryReader pageReader = DirectoryReader.open(parts.pages());
             DirectoryReader sectionReader = DirectoryReader.open(parts.sections())) {
            // Whether a word is common is decided on the pages for both indexes, as the query planner does.
            Set<String> fields = new HashSet<>();
            Fields.PAGE.all().forEach(w -> fields.addAll(w.weights().keySet()));
            Fields.SECTION.all().forEach(w -> fields.addAll(w.weights().keySet()));
            Impacts.Commonness common = Impacts.Commonness.of(pageReader, fields);
            write(parts.pageImpacts(), Impacts.of(pageReader, Fields.PAGE.all(), common));
            write(parts.sectionImpacts(), Impacts.of(sectionReader, Fields.SECTION.all(), common));
        }
    }

    /** One segment with the documents in order, so a document's number is its position in the list. */
    private static void write(Directory directory, List<Document> documents) throws IOException {
        try (IndexWriter writer = new IndexWriter(directory, config())) {
            for (Document document : documents) {
                writer.addDocument(document);
            }
            writer.forceMerge(1);
        }
    }

    private static IndexWriterConfig config() {
        IndexWriterConfig config = new IndexWriterConfig(indexAnalyzer());
        config.setOpenMode(IndexWriterConfig.OpenMode.CREATE);
        config.setUseCompoundFile(true);
        // The whole corpus fits in one in-memory buffer: one segment is flushed at the end, nothing to merge.
        config.setRAMBufferSizeMB(256);
        return config;
    }

    private static Document pageDocument(Page page) {
        Document doc = new Document();
        doc.add(new StringField(Fields.PATH, page.path(), Field.Store.NO));
        doc.add(new SortedDocValuesField(Fields.PATH, new BytesRef(page.path())));
        doc.add(new TextField(Fields.TITLE, page.title(), Field.Store.NO));
        doc.add(new TextField(Fields.DESCRIPTION, page.description(), Field.Store.NO));
        doc.add(new TextField(Fields.HEADINGS,
                page.headings().stream().map(Heading::text).collect(Collectors.joining("\n")), Field.Store.NO));
        doc.add(new TextField(Fields.PATH_TEXT, page.path().replace('/', ' ').replace('-', ' '), Field.Store.NO));
        doc.add(new TextField(Fields.API, ApiTerms.names(page), Field.Store.NO));
        doc.add(new TextField(Fields.PARAMS, ApiTerms.parameters(page), Field.Store.NO));
        String referenceText = String.join("\n", ApiReference.descriptions(page).values());
        String prose = IndexText.prose(page.body()) + "\n" + IndexText.clean(referenceText);
        doc.add(new TextField(Fields.BODY, prose, Field.Store.NO));
        doc.add(new TextField(Fields.CODE, IndexText.code(page.body()), Field.Store.NO));
        doc.add(new TextField(Fields.PHRASE, page.title() + "\n" + page.description() + "\n" + prose, Field.Store.NO));
        return doc;
    }

    private static Document sectionDocument(Page page, Section section) {
        Document doc = new Document();
        String prose = IndexText.prose(section.mdx());
        doc.add(new StringField(Fields.PATH, page.path(), Field.Store.NO));
        doc.add(new SortedDocValuesField(Fields.PATH, new BytesRef(page.path())));
        // What a result quotes, ready to quote: turning a section's MDX into readable text was most of the cost of a
        // query's first look at a section.
        // Doc values, not stored fields: one value is read without decompressing a block of its neighbours.
        doc.add(new BinaryDocValuesField(Fields.STORED_HEADING, new BytesRef(section.heading())));
        doc.add(new BinaryDocValuesField(Fields.STORED_ANCHOR, new BytesRef(section.anchor())));
        doc.add(new BinaryDocValuesField(Fields.STORED_TEXT,
                new BytesRef(Snippets.flatten(IndexText.readable(section.mdx())))));
        doc.add(new TextField(Fields.HEADINGS, section.heading(), Field.Store.NO));
        doc.add(new TextField(Fields.BODY, prose, Field.Store.NO));
        doc.add(new TextField(Fields.CODE, IndexText.code(section.mdx()), Field.Store.NO));
        doc.add(new TextField(Fields.PHRASE, section.heading() + "\n" + prose, Field.Store.NO));
        return doc;
    }
}
