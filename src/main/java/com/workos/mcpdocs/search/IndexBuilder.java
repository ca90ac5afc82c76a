package com.workos.mcpdocs.search;

import com.workos.mcpdocs.corpus.ApiReference;
import com.workos.mcpdocs.corpus.Corpus;
import com.workos.mcpdocs.corpus.Heading;
import com.workos.mcpdocs.corpus.Page;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.util.BytesRef;
import java.util.List;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.Term;
import org.apache.lucene.store.ByteBuffersDirectory;
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
     * Writes the page index into {@code pageDirectory} and the section index into {@code sectionDirectory}. The
     * documents are indexed once in memory to learn the statistics their per-term scores ({@link Impacts}) need,
     * then written with those scores.
     */
    static void write(Corpus corpus, Directory pageDirectory, Directory sectionDirectory) throws IOException {
        List<Document> pages = new ArrayList<>();
        List<Document> sections = new ArrayList<>();
        for (Page page : corpus.pages()) {
            pages.add(pageDocument(page));
            List<Section> pageSections = Section.of(page);
            for (int i = 0; i < pageSections.size(); i++) {
                sections.add(sectionDocument(page, pageSections.get(i), i));
            }
        }
        try (Directory pageStatistics = new ByteBuffersDirectory();
             Directory sectionStatistics = new ByteBuffersDirectory()) {
            write(pageStatistics, pages);
            write(sectionStatistics, sections);
            try (DirectoryReader pageReader = DirectoryReader.open(pageStatistics);
                 DirectoryReader sectionReader = DirectoryReader.open(sectionStatistics)) {
                // Whether a word is common is decided on the pages for both indexes, as the query planner does.
                Impacts.Commonness common = (field, term) -> {
                    try {
                        int docs = pageReader.getDocCount(field);
                        return docs > 0 && (double) pageReader.docFreq(new Term(field, term)) / docs
                                > Impacts.COMMON_SHARE;
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                };
                Impacts.add(pageReader, pages, Fields.PAGE.all(), common);
                Impacts.add(sectionReader, sections, Fields.SECTION.all(), common);
            }
        }
        write(pageDirectory, pages);
        write(sectionDirectory, sections);
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

    private static Document sectionDocument(Page page, Section section, int ordinal) {
        Document doc = new Document();
        String prose = IndexText.prose(section.mdx());
        // Only the page and the section's position are kept: the text itself is in the corpus already.
        doc.add(new StringField(Fields.PATH, page.path(), Field.Store.NO));
        doc.add(new SortedDocValuesField(Fields.PATH, new BytesRef(page.path())));
        doc.add(new NumericDocValuesField(Fields.ORDINAL, ordinal));
        doc.add(new TextField(Fields.HEADINGS, section.heading(), Field.Store.NO));
        doc.add(new TextField(Fields.BODY, prose, Field.Store.NO));
        doc.add(new TextField(Fields.CODE, IndexText.code(section.mdx()), Field.Store.NO));
        doc.add(new TextField(Fields.PHRASE, section.heading() + "\n" + prose, Field.Store.NO));
        return doc;
    }
}
