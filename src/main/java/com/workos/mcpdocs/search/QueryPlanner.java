package com.workos.mcpdocs.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;

/** Analyzes a query string into a {@link QueryPlan}. */
final class QueryPlanner {

    private static final int MIN_FUZZY_LENGTH = 4;
    private static final int LONG_WORD = 8;
    private static final float CORRECTION_WEIGHT = 0.8f;
    /** A token written like code or a compound: joined by . _ / : - or camelCase starting in lower case. */
    private static final Pattern IDENTIFIER = Pattern.compile("[\\p{L}\\p{N}][._/:\\-][\\p{L}\\p{N}]|^\\p{Ll}+\\p{Lu}");
    /** Text between straight or curly double quotes, or single quotes around several words. */
    private static final Pattern QUOTED = Pattern.compile("[\"“”]([^\"“”]{3,})[\"“”]|(?<![\\p{L}])'([^']{3,}\\s[^']+)'(?![\\p{L}])");
    /** A query of two words is one pair already: the whole-query phrase rewards it. */
    private static final int MIN_WORDS_FOR_PAIRS = 3;
    /**
     * The longest query rewarded as a whole phrase: the words of a longer one practically never stand within a few
     * positions of each other, and each would be one more term for Lucene to look up.
     */
    private static final int MAX_PHRASE_WORDS = 8;
    /** Prefixes that make a new word of a known one (re-sync, un-link, de-provision), longest first. */
    private static final List<String> PREFIXES = List.of("multi", "inter", "over", "non", "pre", "dis", "sub", "un",
            "re", "de", "co");
    /** What separates a namespace, object or module from the name inside it in code: . :: -> # */
    private static final Pattern NAMESPACE = Pattern.compile("\\.|::|->|#");

    private final Analyzer analyzer = new DocsAnalyzer(false);
    /** The analysis of the phrase field: English stop words and Porter stems. */
    private final Analyzer stemmer = new EnglishAnalyzer();
    private final IndexReader reader;
    /** Every term of the pages' weighted fields: the corpus's vocabulary, and the words corrections come from. */
    private final String vocabulary = Fields.PAGE_CODE.field();
    /** One checker per edit distance: a checker is safe to share between threads only while nobody configures it. */
    private final DirectSpellChecker oneEdit;
    private final DirectSpellChecker twoEdits;
    private final Synonyms synonyms;

    QueryPlanner(IndexReader reader, Synonyms synonyms) {
        this.reader = reader;
        this.synonyms = synonyms;
        this.oneEdit = spellChecker(1);
        this.twoEdits = spellChecker(2);
    }

    /** Lucene's spell checker; a word of a single page is a correction too (a product or provider name). */
    static DirectSpellChecker spellChecker(int maxEdits) {
        DirectSpellChecker checker = new DirectSpellChecker();
        checker.setMaxEdits(maxEdits);
        checker.setThresholdFrequency(0);
        return checker;
    }

    QueryPlan plan(String text) {
        List<QueryPlan.TermClause> terms = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> tokens = new ArrayDeque<>();
        Matcher token = DocsAnalyzer.TOKEN.matcher(text);
        while (token.find()) {
            tokens.add(token.group());
        }
        while (!tokens.isEmpty()) {
            TokenPlan planned = readToken(tokens.poll());
            if (planned.segments() != null) {
                // Code the corpus does not name as a whole: its namespaces and method, one by one.
                for (int i = planned.segments().size() - 1; i >= 0; i--) {
                    tokens.addFirst(planned.segments().get(i));
                }
                continue;
            }
            List<String> whole = new ArrayList<>(planned.whole());
            List<String> parts = new ArrayList<>(planned.parts());
            whole.removeIf(t -> !seen.add(t));
            parts.removeIf(seen::contains);
            seen.addAll(parts);
            if (whole.isEmpty() && parts.isEmpty()) {
                continue;
            }
            terms.add(new QueryPlan.TermClause(whole, parts, planned.identifier(), planned.weight()));
        }
        List<QueryPlan.SynonymGroup> synonymGroups = new ArrayList<>();
        for (Synonyms.Expansion group : synonyms.expansions(text)) {
            List<List<String>> phrases = new ArrayList<>();
            for (String expansion : group.others()) {
                List<String> expansionTerms = knownTerms(expansion);
                if (!expansionTerms.isEmpty()) {
                    phrases.add(expansionTerms);
                }
            }
            if (!phrases.isEmpty()) {
                synonymGroups.add(new QueryPlan.SynonymGroup(
                        Analysis.terms(analyzer, Fields.BODY, group.mentioned()), phrases));
            }
        }
        long words = text.strip().split("\\s+").length;
        String phrase = words >= 2 && words <= MAX_PHRASE_WORDS ? text : null;
        List<String> quoted = new ArrayList<>();
        Matcher q = QUOTED.matcher(text);
        while (q.find()) {
            String quotedText = q.group(1) != null ? q.group(1) : q.group(2);
            if (quotedText.strip().contains(" ")) {
                quoted.add(quotedText);
            }
        }
        List<String> stemmed = Analysis.terms(stemmer, Fields.PAGE_PHRASE, text);
        return new QueryPlan(text, terms, synonymGroups, phrase, quoted, this::isCommon, stemmed, pairs(text));
    }

    /**
     * A token of a query: either the segments to look for one by one instead ({@code segments}), or the forms of
     * the whole token (as written, and its parts run together) and its known parts, apart: a word like AuthKit must
     * count once, not once per part. No forms at all for a token that analysis drops (a stop word, punctuation).
     */
    private record TokenPlan(List<String> segments, List<String> whole, List<String> parts, boolean identifier,
                             float weight) {
    }

    private TokenPlan readToken(String raw) {
        List<String> analyzed = Analysis.terms(analyzer, Fields.BODY, raw).stream().distinct().toList();
        if (analyzed.isEmpty()) {
            return new TokenPlan(null, List.of(), List.of(), false, 1f);
        }
        int letters = (int) raw.chars().filter(Character::isLetterOrDigit).count();
        List<String> whole = new ArrayList<>();
        List<String> parts = new ArrayList<>();
        for (String term : analyzed) {
            if (analyzed.size() == 1 || term.length() >= letters - 3) {
                whole.add(term);
            } else {
                parts.add(term);
            }
        }
        if (whole.isEmpty()) {
            // The stemmer cut the token as written short (getUserIdentities: getuserident): it is still the whole.
            whole.add(parts.remove(0));
        }
        float weight = 1f;
        String[] segments = NAMESPACE.split(raw);
        if (segments.length > 1 && whole.stream().noneMatch(this::isKnown)) {
            // Code the corpus does not name as a whole (WorkOS::MFA.delete_factor, client.sso.getProfile):
            // its namespaces and method are looked for one by one, each under its own name.
            return new TokenPlan(Arrays.stream(segments).filter(p -> !p.isEmpty()).toList(), List.of(), List.of(),
                    false, 1f);
        }
        if (whole.stream().noneMatch(this::isKnown)) {
            String unknown = whole.get(0);
            // Another form of a word the corpus has (failing: fail), which the gentle stemmer keeps apart.
            whole = knownStem(raw);
            if (whole.isEmpty()) {
                // A word the corpus does not contain: most likely a typo, so look for it under its closest spellings.
                whole = corrections(unknown, parts.isEmpty());
                if (whole.isEmpty()) {
                    // Not a typo either: perhaps a word made with a prefix the docs do not use (resync, unpublish).
                    whole = withoutPrefix(unknown);
                }
                weight = CORRECTION_WEIGHT;
            }
        }
        parts.removeIf(t -> !isKnown(t));
        return new TokenPlan(null, List.copyOf(whole), List.copyOf(parts), IDENTIFIER.matcher(raw).find(), weight);
    }

    /** The analyzed terms of a synonym phrase when the corpus has them all, else none. */
    private List<String> knownTerms(String phrase) {
        List<String> terms = Analysis.terms(analyzer, Fields.BODY, phrase).stream().distinct().toList();
        return terms.stream().allMatch(this::isKnown) ? terms : List.of();
    }

    /**
     * Each two words that stand next to each other in the query (stop words aside), as terms of the phrase field,
     * to be found next to each other ({@link PairQuery}): in a long question, the pairs that also stand together in
     * a page (display name, access token) say more than the words one by one.
     */
    private List<List<String>> pairs(String text) {
        List<String> terms = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        try (TokenStream stream = stemmer.tokenStream(Fields.PAGE_PHRASE, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
            stream.reset();
            int position = -1;
            while (stream.incrementToken()) {
                position += increment.getPositionIncrement();
                terms.add(term.toString());
                positions.add(position);
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<List<String>> out = new ArrayList<>();
        if (terms.size() < MIN_WORDS_FOR_PAIRS) {
            return out;
        }
        Set<String> seen = new LinkedHashSet<>();
        for (int i = 0; i + 1 < terms.size(); i++) {
            String a = terms.get(i);
            String b = terms.get(i + 1);
            if (positions.get(i + 1) - positions.get(i) == 1 && !a.equals(b) && seen.add(a + ' ' + b)
                    && docFreq(Fields.PAGE_PHRASE, a) > 0 && docFreq(Fields.PAGE_PHRASE, b) > 0) {
                out.add(List.of(a, b));
            }
        }
        return out;
    }

    /**
     * Terms of the corpus within one edit of an unknown term, best first; for a long word with none, within two. A
     * closer correction is the likelier one, and Lucene's automaton for two edits costs about ten times that for
     * one, more the longer the term.
     *
     * @param word whether the term is one word; a compound ({@code deleteAUser}) is corrected within one edit only:
     *             its known parts find it anyway
     */
    List<String> corrections(String term, boolean word) {
        if (term.length() < MIN_FUZZY_LENGTH || !term.chars().allMatch(Character::isLetter)) {
            return new ArrayList<>();
        }
        List<String> out = suggestions(oneEdit, term);
        if (out.isEmpty() && word && term.length() >= LONG_WORD) {
            out = suggestions(twoEdits, term);
        }
        return out.size() > 2 ? new ArrayList<>(out.subList(0, 2)) : out;
    }

    private List<String> suggestions(DirectSpellChecker spellChecker, String term) {
        List<String> out = new ArrayList<>();
        try {
            for (SuggestWord word : spellChecker.suggestSimilar(new Term(vocabulary, term), 2, reader,
                    SuggestMode.SUGGEST_ALWAYS)) {
                out.add(word.string);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** The English (Porter) stem of a word when the corpus has it as a word, else nothing. */
    private List<String> knownStem(String raw) {
        List<String> stems = Analysis.terms(stemmer, Fields.PAGE_PHRASE, raw);
        return stems.size() == 1 && isKnown(stems.get(0)) ? new ArrayList<>(stems) : new ArrayList<>();
    }

    /** The known word under a productive English prefix of {@code term}, if any (resync: sync). */
    List<String> withoutPrefix(String term) {
        for (String prefix : PREFIXES) {
            if (term.startsWith(prefix) && term.length() - prefix.length() >= MIN_FUZZY_LENGTH - 1) {
                String rest = term.substring(prefix.length());
                if (rest.chars().allMatch(Character::isLetter) && isKnown(rest)) {
                    return new ArrayList<>(List.of(rest));
                }
            }
        }
        return new ArrayList<>();
    }

    /** Whether the weighting keeps a score of the term without the fields where it is common. */
    boolean isCommon(Fields.Weighting weighting, String term) {
        return docFreq(weighting.rareField(), term) > 0;
    }

    private int docFreq(String field, String term) {
        try {
            return reader.docFreq(new Term(field, term));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean isKnown(String term) {
        return docFreq(vocabulary, term) > 0;
    }
}
