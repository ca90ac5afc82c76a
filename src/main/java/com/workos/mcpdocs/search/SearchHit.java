package com.workos.mcpdocs.search;

/**
 * One search result: a page and its section that matched best.
 *
 * @param path    page path, e.g. {@code sso/redirect-uris}
 * @param title   page title
 * @param heading heading of the best matching section, or empty for the page's introduction
 * @param anchor  that section's anchor, or empty
 * @param url     canonical URL, with the anchor when there is one
 * @param snippet the best matching passage with query terms marked {@code **like this**}
 * @param score   relevance score (higher is better; comparable within one answer only)
 */
public record SearchHit(String path, String title, String heading, String anchor, String url, String snippet,
                        double score) {
}
