package com.workos.mcpdocs.search;

import com.workos.mcpdocs.corpus.Corpus;
import com.workos.mcpdocs.corpus.Headings;
import com.workos.mcpdocs.corpus.Page;
import com.workos.mcpdocs.render.MdxToMarkdown;
import com.workos.mcpdocs.render.PageRenderer;
import com.workos.mcpdocs.render.Sections;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.FeatureField;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.BytesRef;

/**
 * Writes the search index of a corpus from what {@code render} makes of it: each page rendered to Markdown as
 * {@code workos_docs} shows it (the API reference in the page's default language), split into sections by
 * {@link Sections#parts}. Text that only says something is missing from the corpus is left out.
 *
 * <p>Two passes: the text fields are indexed in memory for their statistics, then the index is written with, per
 * document, the precomputed score of each of its terms ({@link TermScores}), the phrase fields, the section's prose
 * with offsets (for snippets) and what a hit shows. Documents come page by page: a page, then its sections.
 */
final class IndexBuilder {

    /** Prose indexed with offsets, so that a snippet marks the words that matched ({@code Matches}). */
    private static final FieldType WITH_OFFSETS = new FieldType(TextField.TYPE_NOT_STORED);

    static {
        WITH_OFFSETS.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        WITH_OFFSETS.freeze();
    }

    private IndexBuilder() {
    }

    static Analyzer indexAnalyzer() {
        Analyzer english = new EnglishAnalyzer();
        return DocsAnalyzer.forMarkdown(new PerFieldAnalyzerWrapper(new DocsAnalyzer(true),
                Map.of(Fields.PAGE_PHRASE, english, Fields.SECTION_PHRASE, english)));
    }

    /** A page as the index reads it: its rendered body in parts. */
    private record RenderedPage(Page page, List<Sections.Part> parts, List<String> prose, List<String> code) {
    }

    /** Writes the index of {@code corpus} into the empty {@code directory}. */
    static void write(Corpus corpus, Directory directory) throws IOException {
        PageRenderer renderer = PageRenderer.of(corpus);
        List<RenderedPage> rendered = new ArrayList<>();
        for (Page page : corpus.pages()) {
            List<Sections.Part> parts = Sections.parts(renderer.body(page, renderer.defaultLanguage(page)));
            List<String> prose = new ArrayList<>();
            List<String> code = new ArrayList<>();
            for (Sections.Part part : parts) {
                StringBuilder proseText = new StringBuilder();
                StringBuilder codeText = new StringBuilder();
                split(part.text(), proseText, codeText);
                prose.add(proseText.toString().strip());
                code.add(codeText.toString());
            }
            rendered.add(new RenderedPage(page, parts, prose, code));
        }
        try (Directory pageText = new ByteBuffersDirectory(); Directory sectionText = new ByteBuffersDirectory()) {
            List<Document> pages = new ArrayList<>();
            List<Document> sections = new ArrayList<>();
            for (RenderedPage r : rendered) {
                pages.add(pageText(r));
                for (int i = 0; i < r.parts().size(); i++) {
                    sections.add(sectionText(r.parts().get(i), r.prose().get(i), r.code().get(i)));
                }
            }
            write(pageText, pages);
            write(sectionText, sections);
            try (DirectoryReader pageReader = DirectoryReader.open(pageText);
                 DirectoryReader sectionReader = DirectoryReader.open(sectionText)) {
                Set<String> fields = new HashSet<>();
                for (Fields.Weighting w : List.of(Fields.PAGE_CODE, Fields.PAGE_WORDS, Fields.SECTION_TERMS)) {
                    fields.addAll(w.weights().keySet());
                }
                // Whether a word is common is decided on the pages, for sections too, as the planner asks it.
                Set<String> common = TermScores.common(pageReader, fields);
                List<List<FeatureField>> pageScores = TermScores.of(pageReader,
                        List.of(Fields.PAGE_CODE, Fields.PAGE_WORDS), common);
                List<List<FeatureField>> sectionScores = TermScores.of(sectionReader,
                        List.of(Fields.SECTION_TERMS), common);
                List<Document> documents = new ArrayList<>();
                int section = 0;
                for (int p = 0; p < rendered.size(); p++) {
                    RenderedPage r = rendered.get(p);
                    Document page = pageDocument(r);
                    pageScores.get(p).forEach(page::add);
                    documents.add(page);
                    boolean definitions = Definitions.isDefinitionPage(r.parts(), r.prose());
                    for (int i = 0; i < r.parts().size(); i++) {
                        Document doc = sectionDocument(r.page(), r.parts().get(i), r.prose().get(i));
                        if (definitions && !r.parts().get(i).heading().isEmpty()) {
                            for (String key : Definitions.keys(r.parts().get(i).heading())) {
                                doc.add(new StringField(Fields.DEFINES, key, Field.Store.NO));
                            }
                        }
                        sectionScores.get(section++).forEach(doc::add);
                        documents.add(doc);
                    }
                }
                write(directory, documents);
            }
        }
    }

    /**
     * Splits rendered Markdown into prose (outside code fences) and code (inside them); lines that stand for
     * missing content go to neither.
     */
    static void split(String markdown, StringBuilder prose, StringBuilder code) {
        boolean inFence = false;
        for (String line : markdown.split("\n", -1)) {
            String stripped = line.strip();
            if (stripped.startsWith("```") || stripped.startsWith("~~~")) {
                inFence = !inFence;
                prose.append('\n');
            } else if (inFence) {
                code.append(line).append('\n');
                prose.append('\n');
            } else if (!MdxToMarkdown.isPlaceholder(line)) {
                prose.append(line).append('\n');
            }
        }
    }

    /** One segment with the documents in order, so a document's number is its position in the list. */
    private static void write(Directory directory, List<Document> documents) throws IOException {
        IndexWriterConfig config = new IndexWriterConfig(indexAnalyzer());
        config.setOpenMode(IndexWriterConfig.OpenMode.CREATE);
        config.setUseCompoundFile(true);
        // The whole corpus fits in one buffer: one segment is flushed at the end, nothing to merge.
        config.setRAMBufferSizeMB(256);
        try (IndexWriter writer = new IndexWriter(directory, config)) {
            for (Document document : documents) {
                writer.addDocument(document);
            }
            writer.forceMerge(1);
        }
    }

    private static Document pageText(RenderedPage r) {
        Page page = r.page();
        Document doc = new Document();
        doc.add(new TextField(Fields.TITLE, page.title(), Field.Store.NO));
        doc.add(new TextField(Fields.DESCRIPTION, page.description(), Field.Store.NO));
        doc.add(new TextField(Fields.HEADINGS, r.parts().stream().map(Sections.Part::heading)
                .collect(Collectors.joining("\n")), Field.Store.NO));
        doc.add(new TextField(Fields.PATH_TEXT, page.path().replace('/', ' ').replace('-', ' '), Field.Store.NO));
        doc.add(new TextField(Fields.API, ApiTerms.names(page), Field.Store.NO));
        doc.add(new TextField(Fields.PARAMS, ApiTerms.parameters(page), Field.Store.NO));
        doc.add(new TextField(Fields.BODY, String.join("\n", r.prose()), Field.Store.NO));
        doc.add(new TextField(Fields.CODE, String.join("\n", r.code()), Field.Store.NO));
        return doc;
    }

    private static Document sectionText(Sections.Part part, String prose, String code) {
        Document doc = new Document();
        doc.add(new TextField(Fields.HEADINGS, part.heading(), Field.Store.NO));
        doc.add(new TextField(Fields.BODY, prose, Field.Store.NO));
        doc.add(new TextField(Fields.CODE, code, Field.Store.NO));
        return doc;
    }

    private static Document pageDocument(RenderedPage r) {
        Page page = r.page();
        Document doc = new Document();
        addPath(doc, page);
        doc.add(new NumericDocValuesField(Fields.IS_SECTION, 0));
        for (String field : List.of(Fields.HEADING, Fields.ANCHOR, Fields.QUOTED_TEXT)) {
            doc.add(new BinaryDocValuesField(field, new BytesRef()));
        }
        doc.add(new TextField(Fields.TITLE_WORDS, page.title(), Field.Store.NO));
        doc.add(new TextField(Fields.PAGE_PHRASE, page.title() + "\n" + page.description() + "\n"
                + String.join("\n", r.prose()), Field.Store.NO));
        // Empty on a page, so that every document has a norm of the other kind's phrase field (0 here): BM25 then
        // reads norms by document number, where norms on only some documents are found by a scan per document.
        doc.add(new TextField(Fields.SECTION_PHRASE, "", Field.Store.NO));
        return doc;
    }

    private static Document sectionDocument(Page page, Sections.Part part, String prose) {
        Document doc = new Document();
        addPath(doc, page);
        doc.add(new NumericDocValuesField(Fields.IS_SECTION, 1));
        doc.add(new BinaryDocValuesField(Fields.HEADING, new BytesRef(Headings.plainText(part.heading()))));
        doc.add(new BinaryDocValuesField(Fields.ANCHOR, new BytesRef(part.anchor())));
        doc.add(new Field(Fields.SECTION_TEXT, prose, WITH_OFFSETS));
        doc.add(new BinaryDocValuesField(Fields.QUOTED_TEXT, new BytesRef(prose)));
        doc.add(new TextField(Fields.SECTION_PHRASE, part.heading() + "\n" + prose, Field.Store.NO));
        doc.add(new TextField(Fields.PAGE_PHRASE, "", Field.Store.NO));
        return doc;
    }

    private static void addPath(Document doc, Page page) {
        doc.add(new StringField(Fields.PATH, page.path(), Field.Store.NO));
        doc.add(new SortedDocValuesField(Fields.PATH, new BytesRef(page.path())));
    }
}
