package com.workos.mcpdocs.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.workos.mcpdocs.corpus.Corpus;
import com.workos.mcpdocs.corpus.Page;
import com.workos.mcpdocs.source.EmbeddedCorpus;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Sentences are split where the sentence-end pattern splits them, in every section of the corpus. */
class SnippetsTest {

    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?:])\\s+|\\n+");
    private static final Pattern MARKUP_ONLY = Pattern.compile("[#>|\\-*\\s]*");

    @Test
    void splitsSentencesAsThePatternDoes() throws Exception {
        List<String> texts = new ArrayList<>(List.of("", " ", "a", "One. Two? Three! Four: five", "end.\n\n  next",
                "x.\t\u000B\fy", "no end", "\n\nlead", "trail\n", "| a | b |\n|---|---|\n| c | d |", "- * #\n> ok ok",
                "e.g. this.that and /path.", "ends with dot.", "  spaced .  out  ", "a\r\nb. c\u00a0. d"));
        Corpus corpus = EmbeddedCorpus.load().orElseThrow();
        for (Page page : corpus.pages()) {
            for (Section section : Section.of(page)) {
                texts.add(Snippets.flatten(IndexText.readable(section.mdx())));
            }
        }
        assertThat(texts).hasSizeGreaterThan(2000);
        for (String text : texts) {
            assertThat(Snippets.sentences(text)).as(text).isEqualTo(byPattern(text));
        }
    }

    /** The split as the pattern made it. */
    private static List<Snippets.Span> byPattern(String text) {
        List<Snippets.Span> out = new ArrayList<>();
        Matcher m = SENTENCE_END.matcher(text);
        int start = 0;
        while (true) {
            boolean found = m.find();
            int end = found ? m.start() : text.length();
            String raw = text.substring(start, end);
            String sentence = raw.strip();
            if (sentence.length() > 2 && !sentence.startsWith("|---") && !MARKUP_ONLY.matcher(sentence).matches()) {
                int lead = raw.indexOf(sentence.charAt(0));
                out.add(new Snippets.Span(start + lead, start + lead + sentence.length()));
            }
            if (!found) {
                return out;
            }
            start = m.end();
        }
    }
}
