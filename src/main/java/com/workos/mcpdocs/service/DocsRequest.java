package com.workos.mcpdocs.service;

/**
 * What {@code workos_docs} is asked for.
 *
 * @param path       a docs path or URL ({@code sso/redirect-uris}, {@code https://workos.com/docs/sso#anchor}),
 *                   empty for the overview
 * @param language   the reference language ({@code python}, {@code node}...), or {@code null} for the HTTP form
 * @param section    a heading text or anchor to read only that section, or {@code null}; a URL's {@code #anchor}
 *                   is used when this is absent
 * @param maxLength  the most characters to answer with, or {@code null} for {@link DocsService#DEFAULT_MAX_LENGTH}
 * @param startIndex where to start in the full answer (for the next part), or {@code null} for the start
 */
public record DocsRequest(String path, String language, String section, Integer maxLength, Integer startIndex) {

    /** A request for a whole page (or listing) with every option at its default. */
    public static DocsRequest of(String path) {
        return new DocsRequest(path, null, null, null, null);
    }
}
