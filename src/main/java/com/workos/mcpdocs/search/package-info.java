/**
 * Search: a Lucene index of the rendered docs (a document per page and per section, built by {@code IndexBuilder}
 * from what {@code workos_docs} shows), a planner that turns free text into Lucene queries, and a second stage
 * that re-ranks the best pages by their sections. {@code search --explain QUERY} prints each part below per hit.
 *
 * <h2>The ranking formula</h2>
 * <ol>
 *   <li><b>page</b>: Lucene's score of the page ({@code IndexSearcher}, BM25) for a {@code BooleanQuery} of
 *       optional clauses: for each word of the query a {@code FeatureField} linear query on the word's score
 *       precomputed at index time (per field BM25 times the field's weight, the best field in full and the others
 *       at 0.25; the title weighs 5, API names 4, the path 3, description and headings 2.5, parameters 1.5, prose 1,
 *       code 0.4; words written like code and everyday words have their own weights; in a query of three words or
 *       more, the fields where the word is common are left out), its other forms ({@code createUser} as
 *       {@code createuser}) at 0.7 in a dis-max, its parts; a word the corpus lacks as its English stem when the
 *       corpus has that, else as a spelling correction at 0.8; each synonym group the query mentions at 0.4; the
 *       whole query (up to 8 words) as a phrase within 3 positions at 1.5, its English stems at 0.6, quoted
 *       phrases at 4 and each two neighbouring words as a phrase at 1 (phrase queries on the English field). The
 *       best 40 pages (or twice the results asked for) go on.</li>
 *   <li><b>best section x 0.6</b>: the same query on the section fields (heading 2.5, prose 1, code 0.4), scored by
 *       Lucene for the sections of those pages; 0.6 times a page's best section score is added to its score.</li>
 *   <li><b>coverage</b> (queries of three words or more): times {@code 0.3 + 0.7 * found / words}, where found
 *       counts the query's words the page has in any form or through a synonym of the group the word is in.</li>
 *   <li><b>missing code name</b>: times 0.6 for each name of code in the query (an event, a method, an endpoint)
 *       that some pages have, at most a tenth of them, and this page does not.</li>
 *   <li><b>reference prior</b>: times 0.85 for an API reference page when the query names no code.</li>
 *   <li>The section a hit names is the page's section with the highest Lucene score times its share of the
 *       query's words beyond the page title's ({@code 0.5 + 0.5 * share}, three words or more).</li>
 *   <li><b>share of best section</b>: the page's next sections by that measure (up to three per page) are hits
 *       of their own when they reach 0.4 of the best one's, at the page's score times that share.</li>
 *   <li><b>definition</b>: when the query is a term that a page of definitions defines (a page whose sections are
 *       nearly all a short heading over a short text, such as the glossary), or asks what it is ("what is X",
 *       "X meaning"), that section is placed first if the query asks, else third or better.</li>
 * </ol>
 * Hits are ordered by score, then path. A hit's snippet is the sentence of its section with the most distinct query
 * terms, the words marked where the offsets indexed with the text place the query's terms.
 */
package com.workos.mcpdocs.search;
