package com.workos.mcpdocs.search;

import java.io.Reader;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.AnalyzerWrapper;
import org.apache.lucene.analysis.pattern.PatternReplaceCharFilter;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.FlattenGraphFilter;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.KStemFilter;
import org.apache.lucene.analysis.miscellaneous.RemoveDuplicatesTokenFilter;
import org.apache.lucene.analysis.miscellaneous.WordDelimiterGraphFilter;
import org.apache.lucene.analysis.miscellaneous.WordDelimiterIterator;
import org.apache.lucene.analysis.pattern.PatternTokenizer;

/**
 * Analysis for developer documentation. Identifiers stay whole and are also split into their words and joined:
 * {@code createOrganizationMembership}, {@code password_hash_type}, {@code dsync.user.created} and
 * {@code /user_management/users} each index the original, the parts ({@code create}, {@code organization}...) and
 * the parts run together, so {@code create_user}, {@code createUser} and {@code CreateUser} meet. Then English stop
 * words go and words are stemmed gently (KStem: {@code organizations} to {@code organization}, not {@code organ}).
 */
public final class DocsAnalyzer extends Analyzer {

    /** Words joined by one or two of {@code . : / - @ '} form one token: identifiers, dotted event names, URL paths with {@code /:param} segments, {@code Ruby::Names}. */
    static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}_$]+(?:[.:/\\-@'’]{1,2}[\\p{L}\\p{N}_$]+)*");

    /** English stop words plus the filler of questions a developer asks. */
    static final CharArraySet STOP_WORDS = stopWords();

    private static final int FLAGS = WordDelimiterGraphFilter.GENERATE_WORD_PARTS
            | WordDelimiterGraphFilter.GENERATE_NUMBER_PARTS
            | WordDelimiterGraphFilter.CATENATE_WORDS
            | WordDelimiterGraphFilter.SPLIT_ON_CASE_CHANGE
            | WordDelimiterGraphFilter.PRESERVE_ORIGINAL
            | WordDelimiterGraphFilter.STEM_ENGLISH_POSSESSIVE;

    /** Product names whose capitals do not separate words. */
    private static final CharArraySet UNSPLIT = new CharArraySet(java.util.List.of("WorkOS", "workos"), true);

    private final boolean forIndexing;

    /**
     * @param forIndexing whether the token graph is flattened for the index (queries keep the graph)
     */
    public DocsAnalyzer(boolean forIndexing) {
        this.forIndexing = forIndexing;
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer tokenizer = new PatternTokenizer(TOKEN, 0);
        TokenStream stream = new WordDelimiterGraphFilter(tokenizer, true, WordDelimiterIterator.DEFAULT_WORD_DELIM_TABLE,
                FLAGS, UNSPLIT);
        if (forIndexing) {
            stream = new FlattenGraphFilter(stream);
        }
        stream = new LowerCaseFilter(stream);
        stream = new StopFilter(stream, STOP_WORDS);
        stream = new KStemFilter(stream);
        stream = new RemoveDuplicatesTokenFilter(stream);
        return new TokenStreamComponents(tokenizer, stream);
    }

    /**
     * {@code analyzer} over rendered Markdown: a link's target is not read ({@code [Sessions](https://...)} is the
     * word Sessions), and offsets still point into the Markdown.
     */
    static Analyzer forMarkdown(Analyzer analyzer) {
        return new AnalyzerWrapper(analyzer.getReuseStrategy()) {
            @Override
            protected Analyzer getWrappedAnalyzer(String fieldName) {
                return analyzer;
            }

            @Override
            protected Reader wrapReader(String fieldName, Reader reader) {
                return new PatternReplaceCharFilter(LINK_TARGET, "]", reader);
            }
        };
    }

    /** The target of a Markdown link or image, after its text: {@code ](https://workos.com/docs/sso)}. */
    private static final Pattern LINK_TARGET = Pattern.compile("\\]\\((?:[^()\\s]|\\([^()\\s]*\\))*\\)");

    private static CharArraySet stopWords() {
        CharArraySet set = new CharArraySet(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, true);
        for (String word : new String[] {"how", "do", "does", "i", "can", "what", "which", "when", "where", "why",
                "who", "my", "our", "we", "you", "your", "me", "should", "would", "could", "am", "did", "its", "it's",
                "has", "have", "had", "from", "about", "want", "need", "use", "using", "s", "t", "don't", "i'm",
                "something", "someone", "any", "some", "so", "just", "ever", "again", "instead", "whether", "also", "still",
                "way", "able", "possible", "there", "here", "them", "their", "they", "us"}) {
            set.add(word);
        }
        return CharArraySet.unmodifiableSet(set);
    }
}
