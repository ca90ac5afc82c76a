package com.workos.mcpdocs.search;

import java.util.Map;

/**
 * Field names and weights. The index holds one document per page and one per section of a page (its own part,
 * {@link com.workos.mcpdocs.render.Sections#parts}); they share no searched field, so a query on page fields finds
 * pages and one on section fields finds sections.
 */
final class Fields {

    /** The page's path, on pages and sections (a filter and doc values). */
    static final String PATH = "path";
    /** Doc values: 1 for a section, 0 for a page. */
    static final String IS_SECTION = "is_section";
    /**
     * Doc values of a section: its heading and anchor (empty on a page: values on every document are read in constant
     * time, sparse ones by a scan).
     */
    static final String HEADING = "heading";
    static final String ANCHOR = "anchor";
    /**
     * A section's prose as the reader sees it in {@code workos_docs} (code and placeholders left out), indexed with
     * offsets so that a snippet marks where the query matched after analysis; kept as doc values to quote from.
     */
    static final String SECTION_TEXT = "section_text";
    /** The same text as doc values (empty on a page). */
    static final String QUOTED_TEXT = "quoted_text";
    /** The keys of the term a section of a page of definitions defines ({@link Definitions}). */
    static final String DEFINES = "defines";
    /** A page's title words, to tell a page's own words from the rest of a question. */
    static final String TITLE_WORDS = "title_words";

    /** The text fields of the first pass (statistics only: each becomes part of a {@link Weighting}). */
    static final String TITLE = "title";
    static final String HEADINGS = "headings";
    static final String DESCRIPTION = "description";
    static final String PATH_TEXT = "path_text";
    static final String API = "api";
    static final String PARAMS = "params";
    static final String BODY = "body";
    static final String CODE = "code";

    /** Prose analyzed by English rules (stop words, Porter stems), for phrases, pairs and bold stems. */
    static final String PAGE_PHRASE = "page_phrase";
    static final String SECTION_PHRASE = "section_phrase";

    /**
     * A way of weighing text fields: the per-term score of a document is precomputed at index time from them and
     * stored as a {@link org.apache.lucene.document.FeatureField} named {@code field} (the term is the feature).
     * With {@code rareField}, a second feature leaves out the fields where the term is common.
     */
    record Weighting(String field, String rareField, Map<String, Float> weights) {
    }

    /** Pages, terms written like code: where a word appears says how much the page is about it. */
    static final Weighting PAGE_CODE = new Weighting("page_code", "page_code_rare", Map.of(
            TITLE, 5f, API, 4f, PATH_TEXT, 3f, DESCRIPTION, 2.5f, HEADINGS, 2.5f, PARAMS, 1.5f, BODY, 1f, CODE, 0.4f));
    /**
     * Pages, everyday words: the API name fields describe code, so a word such as {@code name} or {@code profile}
     * found there says little about what a page explains.
     */
    static final Weighting PAGE_WORDS = new Weighting("page_words", "page_words_rare", Map.of(
            TITLE, 5f, API, 1f, PATH_TEXT, 3f, DESCRIPTION, 2.5f, HEADINGS, 2.5f, PARAMS, 0.3f, BODY, 1f, CODE, 0.4f));
    /** Sections: their heading, prose and code. */
    static final Weighting SECTION_TERMS = new Weighting("section_terms", "section_terms_rare", Map.of(
            HEADINGS, 2.5f, BODY, 1f, CODE, 0.4f));

    /**
     * The fields of one kind of document: the weightings of terms written like code and of words, and the field
     * of English stems for phrases, pairs and bold stems (scored by Lucene's BM25 at search time).
     */
    record Kind(Weighting code, Weighting words, String phrase) {
    }

    static final Kind PAGE = new Kind(PAGE_CODE, PAGE_WORDS, PAGE_PHRASE);
    static final Kind SECTION = new Kind(SECTION_TERMS, SECTION_TERMS, SECTION_PHRASE);

    private Fields() {
    }
}
