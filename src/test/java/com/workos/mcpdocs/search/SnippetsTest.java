package com.workos.mcpdocs.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.workos.mcpdocs.RealCorpus;
import com.workos.mcpdocs.corpus.Corpus;
import com.workos.mcpdocs.corpus.Page;
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
        Corpus corpus = RealCorpus.load();
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

    @Test
    void scoresEachSentenceByThePrefixesItContains() throws Exception {
        Corpus corpus = RealCorpus.load();
        List<List<String>> prefixSets = new ArrayList<>();
        prefixSets.add(List.of("user", "creat", "organ", "sso", "a", "é", "über", "ö", "the", ".", "s"));
        prefixSets.add(List.of("direc", "sync", "webho", "event"));
        prefixSets.add(List.of(""));
        int pageNumber = 0;
        int compared = 0;
        for (Page page : corpus.pages()) {
            // The page's own words as prefixes too: the most hits.
            List<String> own = SearchIndex.analyze(page.title()).stream()
                    .map(t -> t.length() > 5 ? t.substring(0, 5) : t).distinct().toList();
            for (Section section : Section.of(page)) {
                String flat = Snippets.flatten(IndexText.readable(section.mdx()));
                String lower = flat.toLowerCase(java.util.Locale.ROOT);
                List<Snippets.Span> sentences = Snippets.sentences(flat);
                for (List<String> prefixes : pageNumber % 7 == 0 ? prefixSets : List.of(own)) {
                    assertThat(Snippets.sentenceScores(lower, sentences, prefixes)).as(page.path())
                            .isEqualTo(containedPrefixes(lower, sentences, prefixes));
                    compared++;
                }
            }
            pageNumber++;
        }
        assertThat(compared).isGreaterThan(3000);
    }

    /** Per sentence, how many of the prefixes its text contains, counted the plain way. */
    private static int[] containedPrefixes(String lower, List<Snippets.Span> sentences, List<String> prefixes) {
        int[] score = new int[sentences.size()];
        for (int s = 0; s < score.length; s++) {
            String text = lower.substring(sentences.get(s).start(), sentences.get(s).end());
            for (String prefix : prefixes) {
                score[s] += text.contains(prefix) ? 1 : 0;
            }
        }
        return score;
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
