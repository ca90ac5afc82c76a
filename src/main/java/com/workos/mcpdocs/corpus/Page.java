package com.workos.mcpdocs.corpus;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One documentation page. Its accessors are those of a record with the components below, and so are
 * {@link #equals}, {@link #hashCode} and {@link #toString}; it is a class so that a body read from a snapshot stays
 * encoded until it is asked for (the first search of a fresh server reads none).
 *
 * <p>Components: {@code path}, the address without extension, e.g. {@code sso/redirect-uris} (a folder's
 * {@code index.mdx} is addressed by the folder, e.g. {@code authkit}); {@code title}, from the frontmatter, else the
 * first heading, else the last path segment; {@code description}, from the frontmatter, may be empty;
 * {@code frontmatter}, the parsed YAML frontmatter (immutable; empty when the page has none); {@code body}, the MDX
 * body without its frontmatter; {@code headings}, the headings of the body, in order; {@code sourceFile}, the file
 * the page came from, relative to the corpus root.
 */
public final class Page {

    public static final String DOCS_BASE_URL = "https://workos.com/docs/";

    private final String path;
    private final String title;
    private final String description;
    private final Map<String, Object> frontmatter;
    private final List<Heading> headings;
    private final String sourceFile;
    /** The body, or {@code null} while it is still only {@link #encodedBody}. */
    private volatile String body;
    /** The body in UTF-8 until it is decoded, then {@code null}. */
    private volatile byte[] encodedBody;

    public Page(String path, String title, String description, Map<String, Object> frontmatter, String body,
                List<Heading> headings, String sourceFile) {
        this(path, title, description, frontmatter, Objects.requireNonNull(body, "body"), null, headings, sourceFile);
    }

    private Page(String path, String title, String description, Map<String, Object> frontmatter, String body,
                 byte[] encodedBody, List<Heading> headings, String sourceFile) {
        this.path = path;
        this.title = title;
        this.description = description;
        this.frontmatter = frontmatter instanceof LazyFrontmatter ? frontmatter
                : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(frontmatter));
        this.body = body;
        this.encodedBody = encodedBody;
        this.headings = List.copyOf(headings);
        this.sourceFile = sourceFile;
    }

    /** A page whose body is {@code utf8} (owned by the page from now on), decoded the first time it is asked for. */
    static Page withEncodedBody(String path, String title, String description, Map<String, Object> frontmatter,
                                byte[] utf8, List<Heading> headings, String sourceFile) {
        return new Page(path, title, description, frontmatter, null, Objects.requireNonNull(utf8, "body"), headings,
                sourceFile);
    }

    public String path() {
        return path;
    }

    public String title() {
        return title;
    }

    public String description() {
        return description;
    }

    public Map<String, Object> frontmatter() {
        return frontmatter;
    }

    public String body() {
        String decoded = body;
        if (decoded == null) {
            byte[] utf8 = encodedBody;
            // Two threads may both decode it: the same string either way.
            decoded = utf8 == null ? body : new String(utf8, StandardCharsets.UTF_8);
            body = decoded;
            encodedBody = null;
        }
        return decoded;
    }

    public List<Heading> headings() {
        return headings;
    }

    public String sourceFile() {
        return sourceFile;
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

    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof Page p && path.equals(p.path) && title.equals(p.title)
                && description.equals(p.description) && frontmatter.equals(p.frontmatter) && body().equals(p.body())
                && headings.equals(p.headings) && sourceFile.equals(p.sourceFile);
    }

    @Override
    public int hashCode() {
        return Objects.hash(path, title, description, frontmatter, body(), headings, sourceFile);
    }

    @Override
    public String toString() {
        return "Page[path=" + path + ", title=" + title + ", description=" + description + ", frontmatter="
                + frontmatter + ", body=" + body() + ", headings=" + headings + ", sourceFile=" + sourceFile + "]";
    }
}
