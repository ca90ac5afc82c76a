package com.workos.mcpdocs.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.workos.mcpdocs.corpus.Corpus;
import com.workos.mcpdocs.corpus.Page;
import java.util.List;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.SortedDocValues;
import org.junit.jupiter.api.Test;

/** Every section document carries its heading, anchor and readable text, as the corpus's page makes them. */
class SectionTextTest {

    @Test
    void eachSectionKeepsTheTextAResultQuotes() throws Exception {
        Corpus corpus = EmbeddedIndex.corpus();
        IndexParts parts = EmbeddedIndex.parts();
        IndexReader sections = parts.openSections();
        assertThat(sections.leaves()).hasSize(1);
        LeafReader leaf = sections.leaves().get(0).reader();
        SortedDocValues paths = DocValues.getSorted(leaf, Fields.PATH);
        BinaryDocValues headings = DocValues.getBinary(leaf, Fields.STORED_HEADING);
        BinaryDocValues anchors = DocValues.getBinary(leaf, Fields.STORED_ANCHOR);
        BinaryDocValues texts = DocValues.getBinary(leaf, Fields.STORED_TEXT);
        String path = null;
        int ordinal = 0;
        int withText = 0;
        for (int doc = 0; doc < leaf.maxDoc(); doc++) {
            assertThat(paths.advanceExact(doc)).isTrue();
            String docPath = paths.lookupOrd(paths.ordValue()).utf8ToString();
            ordinal = docPath.equals(path) ? ordinal + 1 : 0;
            path = docPath;
            Page page = corpus.page(path).orElseThrow();
            List<Section> expected = Section.of(page);
            assertThat(ordinal).as(path).isLessThan(expected.size());
            Section section = expected.get(ordinal);
            assertThat(headings.advanceExact(doc) ? headings.binaryValue().utf8ToString() : "").as(path)
                    .isEqualTo(section.heading());
            assertThat(anchors.advanceExact(doc) ? anchors.binaryValue().utf8ToString() : "").as(path)
                    .isEqualTo(section.anchor());
            String text = texts.advanceExact(doc) ? texts.binaryValue().utf8ToString() : "";
            assertThat(text).as(path + "#" + section.anchor())
                    .isEqualTo(Snippets.flatten(IndexText.readable(section.mdx())));
            withText += text.isBlank() ? 0 : 1;
        }
        assertThat(withText).isGreaterThan(2000);
    }
}
