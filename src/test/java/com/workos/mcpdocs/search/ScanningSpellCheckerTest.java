package com.workos.mcpdocs.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The scanning checker corrects every misspelling exactly as Lucene's automaton-based checker does. */
class ScanningSpellCheckerTest {

    private static final String[] FIELDS = {Fields.BODY, Fields.API, Fields.TITLE};
    private static IndexReader reader;

    @BeforeAll
    static void index() throws Exception {
        reader = EmbeddedIndex.parts().openPages();
    }

    @Test
    void suggestsWhatLucenesCheckerSuggestsForThousandsOfMisspellings() throws Exception {
        List<String> words = misspellings(new Random(7), 1500);
        words.addAll(List.of("authentcation", "organisaton", "webhok", "direcotry", "pasword", "sesion", "zzzzzz",
                "ssoo", "x", "créer", "naïve", "über-token", "a1b2c3d4"));
        int compared = 0;
        int corrected = 0;
        for (int maxEdits = 1; maxEdits <= 2; maxEdits++) {
            DirectSpellChecker lucene = new DirectSpellChecker();
            lucene.setMaxEdits(maxEdits);
            DirectSpellChecker scanning = new ScanningSpellChecker(maxEdits);
            for (String field : FIELDS) {
                for (String word : words) {
                    Term term = new Term(field, word);
                    SuggestWord[] expected = lucene.suggestSimilar(term, 2, reader, SuggestMode.SUGGEST_ALWAYS);
                    SuggestWord[] actual = scanning.suggestSimilar(term, 2, reader, SuggestMode.SUGGEST_ALWAYS);
                    assertThat(describe(actual)).as(field + ":" + word + " within " + maxEdits)
                            .isEqualTo(describe(expected));
                    compared++;
                    corrected += expected.length > 0 ? 1 : 0;
                }
            }
        }
        assertThat(compared).isGreaterThan(9000);
        // Most misspellings of corpus words have corrections: the comparison is not between two empty lists.
        assertThat(corrected).isGreaterThan(compared / 5);
    }

    @Test
    void countsASwapOfNeighboursAsOneEdit() {
        int[][] rows = new int[3][16];
        assertThat(ScanningSpellChecker.edits(cp("webhook"), cp("wbehook"), 7, 0, 2, rows)).isEqualTo(1);
        assertThat(ScanningSpellChecker.edits(cp("webhook"), cp("webhooks"), 8, 1, 2, rows)).isEqualTo(1);
        assertThat(ScanningSpellChecker.edits(cp("webhook"), cp("wehbook"), 7, 1, 2, rows)).isEqualTo(1);
        assertThat(ScanningSpellChecker.edits(cp("webhook"), cp("bewhook"), 7, 0, 2, rows)).isEqualTo(2);
        assertThat(ScanningSpellChecker.edits(cp("webhook"), cp("session"), 7, 0, 2, rows)).isEqualTo(3);
    }

    private static int[] cp(String s) {
        return s.codePoints().toArray();
    }

    private static List<String> describe(SuggestWord[] words) {
        List<String> out = new ArrayList<>();
        for (SuggestWord w : words) {
            out.add(w.string + " " + w.score + " " + w.freq);
        }
        return out;
    }

    /** Words of the index with one or two random edits (deletions, insertions, substitutions, swaps). */
    private static List<String> misspellings(Random random, int count) throws Exception {
        List<String> vocabulary = new ArrayList<>();
        TermsEnum terms = MultiTerms.getTerms(reader, Fields.BODY).iterator();
        for (BytesRef term = terms.next(); term != null; term = terms.next()) {
            String word = term.utf8ToString();
            if (word.length() >= 4 && word.chars().allMatch(Character::isLetter)) {
                vocabulary.add(word);
            }
        }
        Set<String> out = new LinkedHashSet<>();
        while (out.size() < count) {
            String word = vocabulary.get(random.nextInt(vocabulary.size()));
            int edits = 1 + random.nextInt(2);
            for (int i = 0; i < edits; i++) {
                word = edit(word, random);
            }
            out.add(word);
        }
        return new ArrayList<>(out);
    }

    private static String edit(String word, Random random) {
        int at = random.nextInt(word.length());
        char letter = (char) ('a' + random.nextInt(26));
        return switch (random.nextInt(4)) {
            case 0 -> word.length() > 1 ? word.substring(0, at) + word.substring(at + 1) : word;
            case 1 -> word.substring(0, at) + letter + word.substring(at);
            case 2 -> word.substring(0, at) + letter + word.substring(at + 1);
            default -> at + 1 < word.length()
                    ? word.substring(0, at) + word.charAt(at + 1) + word.charAt(at) + word.substring(at + 2) : word;
        };
    }
}
