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
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.Query;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;
import org.apache.lucene.util.QueryBuilder;

/** Analyzes a query string into a {@link QueryPlan}. */
final class QueryPlanner {

    /** Fields whose vocabulary decides whether a term is known (else it is matched with typo tolerance). */
    private static final String[] VOCABULARY = {Fields.BODY, Fields.TITLE, Fields.HEADINGS, Fields.API, Fields.PARAMS,
            Fields.PATH_TEXT, Fields.DESCRIPTION, Fields.CODE};
    private static final int MIN_FUZZY_LENGTH = 4;
    private static final int LONG_WORD = 8;
    private static final float CORRECTION_WEIGHT = 0.8f;
    private static final String[] SPELLING_FIELDS = {Fields.BODY, Fields.API, Fields.TITLE};
    /** A token written like code or a compound: joined by . _ / : - or camelCase starting in lower case. */
    private static final Pattern IDENTIFIER = Pattern.compile("[\\p{L}\\p{N}][._/:\\-][\\p{L}\\p{N}]|^\\p{Ll}+\\p{Lu}");
    /** Text between straight or curly double quotes, or single quotes around several words. */
    private static final Pattern QUOTED = Pattern.compile("[\"“”]([^\"“”]{3,})[\"“”]|(?<![\\p{L}])'([^']{3,}\\s[^']+)'(?![\\p{L}])");
    private static final int PHRASE_SLOP = 3;
    /** A query of two words is one pair already: the whole-query phrase rewards it. */
    private static final int MIN_WORDS_FOR_PAIRS = 3;
    /** Prefixes that make a new word of a known one (re-sync, un-link, de-provision), longest first. */
    private static final List<String> PREFIXES = List.of("multi", "inter", "over", "non", "pre", "dis", "sub", "un",
            "re", "de", "co");
    /** What separates a namespace, object or module from the name inside it in code: . :: -> # */
    private static final Pattern NAMESPACE = Pattern.compile("\\.|::|->|#");

    private final Analyzer analyzer = new DocsAnalyzer(false);
    /** The analysis of the phrase field: English stop words and Porter stems. */
    private final Analyzer stemmer = new EnglishAnalyzer();
    private final QueryBuilder phraseBuilder = new QueryBuilder(stemmer);
    private final IndexReader reader;
    /** Query words repeat: a term's share of a field is looked up in the index once. */
    private final TermCache<Double> presence = new TermCache<>(MAX_REMEMBERED, this::readShare);
    /**
     * What each token of a query stands for, worked out once per token (its analysis is the body's): the index never
     * changes, and the words of questions about one product come back query after query (analysis and dictionary
     * lookups were half of a query's planning).
     */
    private final TermCache<TokenPlan> tokenPlans = new TermCache<>(MAX_REMEMBERED, (field, raw) -> readToken(raw));
    /** Whether a term is common for a weighting, by weighting name (names are unique: {@link Fields}). */
    private final TermCache<Boolean> commonTerms = new TermCache<>(MAX_REMEMBERED, this::readCommon);
    private final Map<String, Impacts.Weighting> weightings = new ConcurrentHashMap<>();
    /** The analyzed terms of each synonym phrase (as many as the synonym file has). */
    private final Map<String, List<String>> synonymTerms = new ConcurrentHashMap<>();
    private static final int MAX_REMEMBERED = 100_000;
    /** One checker per edit distance: a checker is safe to share between threads only while nobody configures it. */
    private final DirectSpellChecker oneEdit = new ScanningSpellChecker(1);
    private final DirectSpellChecker twoEdits = new ScanningSpellChecker(2);
    private final Synonyms synonyms;

    QueryPlanner(IndexReader reader, Synonyms synonyms) {
        this.reader = reader;
        this.synonyms = synonyms;
    }

    /** How many query tokens have their plan kept. */
    int cachedTokens() {
        return tokenPlans.size();
    }

    /** A planner over the same index and synonyms whose caches start empty. */
    QueryPlanner withOwnCaches() {
        return new QueryPlanner(reader, synonyms);
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
            TokenPlan planned = tokenPlans.get(Fields.BODY, tokens.poll());
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
        List<List<List<String>>> synonymGroups = new ArrayList<>();
        for (Set<String> group : synonyms.expansions(text)) {
            List<List<String>> phrases = new ArrayList<>();
            for (String expansion : group) {
                List<String> expansionTerms = synonymTerms.computeIfAbsent(expansion, this::knownTerms);
                if (!expansionTerms.isEmpty()) {
                    phrases.add(expansionTerms);
                }
            }
            if (!phrases.isEmpty()) {
                synonymGroups.add(phrases);
            }
        }
        Query phrase = null;
        long words = text.strip().split("\\s+").length;
        if (words >= 2 && words <= 12) {
            phrase = phraseBuilder.createPhraseQuery(Fields.PHRASE, text, PHRASE_SLOP);
        }
        List<Query> quoted = new ArrayList<>();
        Matcher q = QUOTED.matcher(text);
        while (q.find()) {
            String quotedText = q.group(1) != null ? q.group(1) : q.group(2);
            Query phraseQuery = phraseBuilder.createPhraseQuery(Fields.PHRASE, quotedText, 1);
            if (phraseQuery != null && quotedText.strip().contains(" ")) {
                quoted.add(phraseQuery);
            }
        }
        List<String> stemmed = Analysis.terms(stemmer, Fields.PHRASE, text);
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
            // A word the corpus does not contain: most likely a typo, so look for it under its closest spellings.
            String unknown = whole.get(0);
            whole = corrections(unknown);
            if (whole.isEmpty()) {
                // Not a typo either: perhaps a word made with a prefix the docs do not use (resync, unpublish).
                whole = withoutPrefix(unknown);
            }
            weight = CORRECTION_WEIGHT;
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
        try (TokenStream stream = stemmer.tokenStream(Fields.PHRASE, text)) {
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
                    && share(Fields.PHRASE, a) > 0 && share(Fields.PHRASE, b) > 0) {
                out.add(List.of(a, b));
            }
        }
        return out;
    }

    /** Terms of the corpus within one edit (two for long words) of an unknown term, best first. */
    List<String> corrections(String term) {
        if (term.length() < MIN_FUZZY_LENGTH || !term.chars().allMatch(Character::isLetter)) {
            return new ArrayList<>();
        }
        // A fuzzy walk of the term dictionary costs a tenth of a millisecond or more; it runs once per token, whose
        // plan is kept (tokenPlans).
        DirectSpellChecker spellChecker = term.length() >= LONG_WORD ? twoEdits : oneEdit;
        List<String> out = new ArrayList<>();
        try {
            for (String field : SPELLING_FIELDS) {
                for (SuggestWord word : spellChecker.suggestSimilar(new Term(field, term), 2, reader,
                        SuggestMode.SUGGEST_ALWAYS)) {
                    if (!out.contains(word.string)) {
                        out.add(word.string);
                    }
                }
                if (!out.isEmpty()) {
                    break;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.size() > 2 ? new ArrayList<>(out.subList(0, 2)) : out;
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

    /**
     * Whether a term is common in one of the fields the weighting counts (in more than
     * {@value Impacts#COMMON_SHARE} of their documents), once per weighting and term: a query asks it of every
     * term for every index.
     */
    boolean isCommon(Impacts.Weighting weighting, String term) {
        weightings.putIfAbsent(weighting.name(), weighting);
        return commonTerms.get(weighting.name(), term);
    }

    private Boolean readCommon(String weighting, String term) {
        for (String field : weightings.get(weighting).weights().keySet()) {
            if (share(field, term) > Impacts.COMMON_SHARE) {
                return true;
            }
        }
        return false;
    }

    /** The share of a field's documents that contain a term: 0 when none does. */
    private double share(String field, String term) {
        return presence.get(field, term);
    }

    private Double readShare(String field, String term) {
        try {
            int docs = reader.getDocCount(field);
            return docs == 0 ? 0.0 : (double) reader.docFreq(new Term(field, term)) / docs;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean contains(String field, String term) {
        return share(field, term) > 0;
    }

    boolean isKnown(String term) {
        for (String field : VOCABULARY) {
            if (contains(field, term)) {
                return true;
            }
        }
        return false;
    }
}
