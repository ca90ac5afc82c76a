package com.workos.mcpdocs.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.workos.mcpdocs.RealCorpus;
import com.workos.mcpdocs.corpus.Corpus;
import com.workos.mcpdocs.corpus.Page;
import org.junit.jupiter.api.Test;

/** Skipping a pattern whose text cannot occur changes nothing: every page and section reads as with all patterns. */
class IndexTextTest {

    /** Every pattern, every time: what {@link IndexText#clean} does without its shortcuts. */
    static String cleanWithEveryPattern(String text) {
        String out = IndexText.IMPORT_EXPORT.matcher(text).replaceAll("");
        out = IndexText.JSX_COMMENT.matcher(out).replaceAll(" ");
        out = IndexText.HTML_COMMENT.matcher(out).replaceAll(" ");
        out = IndexText.IMAGE.matcher(out).replaceAll("$1");
        out = IndexText.LINK.matcher(out).replaceAll("$1");
        out = IndexText.TAG.matcher(out).replaceAll(m -> {
            var title = IndexText.TITLE_ATTRIBUTE.matcher(m.group(1));
            StringBuilder kept = new StringBuilder(" ");
            while (title.find()) {
                kept.append(title.group(1)).append(". ");
            }
            return java.util.regex.Matcher.quoteReplacement(kept.toString());
        });
        return out.replace("**", "").replace("`", "");
    }

    @Test
    void readsEveryPageAndSectionOfTheCorpusAsEveryPatternWould() throws Exception {
        Corpus corpus = RealCorpus.load();
        int texts = 0;
        for (Page page : corpus.pages()) {
            assertThat(IndexText.clean(page.body())).as(page.path()).isEqualTo(cleanWithEveryPattern(page.body()));
            for (Section section : Section.of(page)) {
                assertThat(IndexText.clean(section.mdx())).as(page.path() + "#" + section.anchor())
                        .isEqualTo(cleanWithEveryPattern(section.mdx()));
                texts++;
            }
        }
        assertThat(texts).isGreaterThan(2000);
        String everything = "import x from 'y'\n<Tip title=\"T\">a **b** [c](d) ![e](f) <!-- g --> {/* h */}</Tip>";
        assertThat(IndexText.clean(everything)).isEqualTo(cleanWithEveryPattern(everything)).contains("T. ");
    }
}
