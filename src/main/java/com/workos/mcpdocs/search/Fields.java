package com.workos.mcpdocs.search;

import java.util.List;
import java.util.Map;

/** Field names and weights of the two indexes (pages and sections). */
final class Fields {

    static final String PATH = "path";
    /**
     * Kept with each section as doc values, not searched: its heading, anchor and readable text (whitespace
     * collapsed), so a result quotes a section without rendering its page again.
     */
    static final String STORED_HEADING = "stored_heading";
    static final String STORED_ANCHOR = "stored_anchor";
    static final String STORED_TEXT = "stored_text";

    static final String TITLE = "title";
    static final String HEADINGS = "headings";
    static final String DESCRIPTION = "description";
    static final String PATH_TEXT = "path_text";
    static final String API = "api";
    static final String PARAMS = "params";
    static final String BODY = "body";
    static final String CODE = "code";
    /** Prose analyzed without identifier splitting, for phrase and proximity boosts. */
    static final String PHRASE = "phrase";

    /** Page index weights: where a word appears says how much the page is about it. */
    static final Map<String, Float> PAGE_WEIGHTS = Map.of(
            TITLE, 5f,
            API, 4f,
            PATH_TEXT, 3f,
            DESCRIPTION, 2.5f,
            HEADINGS, 2.5f,
            PARAMS, 1.5f,
            BODY, 1f,
            CODE, 0.4f);

    /**
     * Page index weights for plain words: the API name fields describe code, so an everyday word such as
     * {@code name} or {@code profile} found there says little about what a page explains.
     */
    static final Map<String, Float> PAGE_WORD_WEIGHTS = Map.of(
            TITLE, 5f,
            API, 1f,
            PATH_TEXT, 3f,
            DESCRIPTION, 2.5f,
            HEADINGS, 2.5f,
            PARAMS, 0.3f,
            BODY, 1f,
            CODE, 0.4f);

    /** Section index weights. */
    static final Map<String, Float> SECTION_WEIGHTS = Map.of(
            HEADINGS, 3f,
            BODY, 1f,
            CODE, 0.4f);

    /** How an index weighs terms written like code, everyday words, and the words stemmed boldly. */
    record IndexWeights(Impacts.Weighting code, Impacts.Weighting words, Impacts.Weighting stemmed) {
        List<Impacts.Weighting> all() {
            return code.equals(words) ? List.of(code, stemmed) : List.of(code, words, stemmed);
        }
    }

    static final IndexWeights PAGE = new IndexWeights(
            new Impacts.Weighting("page_code", PAGE_WEIGHTS, true),
            new Impacts.Weighting("page_words", PAGE_WORD_WEIGHTS, true),
            new Impacts.Weighting("page_stemmed", Map.of(PHRASE, 1f), false));

    private static final Impacts.Weighting SECTION_TERMS = new Impacts.Weighting("section", SECTION_WEIGHTS, true);
    static final IndexWeights SECTION = new IndexWeights(SECTION_TERMS, SECTION_TERMS,
            new Impacts.Weighting("section_stemmed", Map.of(PHRASE, 1f), false));

    private Fields() {
    }
}
