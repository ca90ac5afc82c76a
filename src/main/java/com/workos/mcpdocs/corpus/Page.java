package com.workos.mcpdocs.corpus;

import java.util.List;
import java.util.Map;

/**
 * One documentation page.
 *
 * @param path         address without extension, e.g. {@code sso/redirect-uris}; a folder's {@code index.mdx}
 *                     is addressed by the folder, e.g. {@code authkit}
 * @param title        from the frontmatter, else the first heading, else the last path segment
 * @param description  from the frontmatter, may be empty
 * @param frontmatter  the parsed YAML frontmatter (immutable; empty when the page has none)
 * @param body         the MDX body without its frontmatter
 * @param headings     the headings of the body, in order
 * @param sourceFile   the file the page came from, relative to the corpus root
 */
public record Page(String path, String title, String description, Map<String, Object> frontmatter, String body,
                   List<Heading> headings, String sourceFile) {

    public static final String DOCS_BASE_URL = "https://workos.com/docs/";

    public Page {
        if (!(frontmatter instanceof LazyFrontmatter)) {
            frontmatter = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(frontmatter));
        }
        headings = List.copyOf(headings);
    }

    /** The top-level area, e.g. {@code sso} for {@code sso/redirect-uris}. */
    public String area() {
        int slash = path.indexOf('/');
        return slash < 0 ? path : path.substring(0, slash);
    }

    /** The canonical URL of the page on the docs site. */
    public String url() {
        return DOCS_BASE_URL + path;
    }

    /** The {@code originalPath} the npm package records, or empty. */
    public String originalPath() {
        Object original = frontmatter.get("originalPath");
        return original == null ? "" : original.toString();
    }
}
