package com.workos.mcpdocs.render;

import com.workos.mcpdocs.corpus.ApiEntry;
import com.workos.mcpdocs.corpus.Corpus;
import com.workos.mcpdocs.corpus.Headings;
import com.workos.mcpdocs.corpus.Page;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Renders a page as the Markdown a language model should read: the title and description as a header, the MDX
 * body turned into plain Markdown, and, on reference pages, the API reference of one language rendered from the
 * frontmatter where the page shows it.
 */
public final class PageRenderer {

    /** How the header of a page in several languages says to ask for another (the services may reword it). */
    public static final String LANGUAGE_OPTION = "pass `language`";

    /** Pages most recently rendered (a corpus never changes under a renderer): reading one again costs nothing. */
    private static final int CACHED_PAGES = 128;

    private final Supplier<ReferenceCatalog> build;
    /** The catalog and its renderer, made together on first use. */
    private volatile Reference built;
    private final Map<String, String> rendered = new LinkedHashMap<>(CACHED_PAGES, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > CACHED_PAGES;
        }
    };

    public PageRenderer(ReferenceCatalog catalog) {
        this(() -> catalog);
    }

    private PageRenderer(Supplier<ReferenceCatalog> build) {
        this.build = build;
    }

    /**
     * A renderer over {@code corpus}. Its reference catalog (every reference page's frontmatter parsed) is built
     * once, when a page is first rendered: a server's first search does not wait for it.
     */
    public static PageRenderer of(Corpus corpus) {
        return new PageRenderer(() -> ReferenceCatalog.of(corpus));
    }

    public ReferenceCatalog catalog() {
        return built().catalog();
    }

    public ReferenceRenderer reference() {
        return built().renderer();
    }

    private record Reference(ReferenceCatalog catalog, ReferenceRenderer renderer) {
    }

    private Reference built() {
        Reference reference = built;
        if (reference == null) {
            synchronized (this) {
                if (built == null) {
                    ReferenceCatalog catalog = build.get();
                    built = new Reference(catalog, new ReferenceRenderer(catalog));
                }
                reference = built;
            }
        }
        return reference;
    }

    /** The whole page as Markdown, the reference in its default language. */
    public String render(Page page) {
        return render(page, defaultLanguage(page));
    }

    /**
     * The whole page as Markdown with the reference in {@code language} (one of {@link #languages}; ignored on a
     * page without reference), listing the other languages.
     */
    public String render(Page page, String language) {
        return render(page, language, true);
    }

    /**
     * The whole page as Markdown with the reference in {@code language}.
     *
     * @param listLanguages whether the header names the page's reference languages (not needed when the reader
     *                      just chose one)
     */
    public String render(Page page, String language, boolean listLanguages) {
        String key = page.path() + '\u0000' + language + '\u0000' + listLanguages;
        String cached;
        synchronized (rendered) {
            cached = rendered.get(key);
        }
        if (cached == null) {
            cached = renderNow(page, language, listLanguages);
            synchronized (rendered) {
                rendered.put(key, cached);
            }
        }
        return cached;
    }

    private String renderNow(Page page, String language, boolean listLanguages) {
        String body = body(page, language);
        // reference pages repeat their title as the first heading; the header already shows it
        int firstLineEnd = body.indexOf('\n');
        String firstLine = firstLineEnd < 0 ? body : body.substring(0, firstLineEnd);
        if (firstLine.matches("#{1,3} .*")
                && Headings.plainText(Headings.withoutMetadata(firstLine.replaceFirst("^#+ ", "")))
                .equalsIgnoreCase(page.title().strip())) {
            body = body.substring(firstLineEnd < 0 ? body.length() : firstLineEnd).strip();
        }
        // a body with a title of its own (# Introduction) goes under the page's: one H1 per answer
        return header(page, language, listLanguages) + Headings.demote(body, 2) + '\n';
    }

    /** Title, description, source URL and, on reference pages, which languages there are. */
    public String header(Page page, String language) {
        return header(page, language, true);
    }

    private String header(Page page, String language, boolean listLanguages) {
        StringBuilder out = new StringBuilder();
        out.append("# ").append(page.title()).append("\n\n");
        if (!page.description().isEmpty()) {
            out.append("> ").append(page.description().replace("\n", " ").strip()).append("\n\n");
        }
        out.append("Source: ").append(page.url()).append("\n\n");
        List<String> languages = languages(page);
        if (listLanguages && languages.size() > 1) {
            out.append("Languages: ").append(String.join(", ", languages.stream()
                    .map(l -> l.equals(language) ? "**" + l + "** (shown)" : l).toList()));
            out.append("; ").append(LANGUAGE_OPTION).append(" to switch.\n\n");
        }
        return out.toString();
    }

    /** The body as Markdown, without the header. */
    public String body(Page page, String language) {
        List<ApiEntry> entries = catalog().entries(page.path()).stream()
                .filter(e -> e.language().equals(language)).toList();
        Set<String> placed = new HashSet<>();
        MdxToMarkdown converter = new MdxToMarkdown(page.url(), id -> {
            List<String> parts = new ArrayList<>();
            for (ApiEntry entry : entries) {
                if (entry.id().equals(id) && !entry.isSharedParameter()) {
                    parts.add(reference().entry(entry));
                }
            }
            if (!parts.isEmpty()) {
                placed.add(id);
            }
            return String.join("\n\n", parts);
        });
        StringBuilder out = new StringBuilder(converter.convert(page.body()));
        // entries the body does not show in place (and shared parameters) come after it
        List<String> rest = new ArrayList<>();
        List<ApiEntry> shared = new ArrayList<>();
        for (ApiEntry entry : entries) {
            if (entry.isSharedParameter()) {
                shared.add(entry);
            } else if (!placed.contains(entry.id())) {
                rest.add(reference().entry(entry));
            }
        }
        if (!shared.isEmpty()) {
            rest.add(reference().sharedParameters(shared));
        }
        if (!rest.isEmpty()) {
            out.append("\n\n").append(String.join("\n\n", rest));
        }
        return out.toString().strip();
    }

    /** The languages of the page's API reference, in frontmatter order; empty for a page without reference. */
    public List<String> languages(Page page) {
        return catalog().languages(page.path());
    }

    /** The HTTP form when the page has one, else its first language, else empty. */
    public String defaultLanguage(Page page) {
        List<String> languages = languages(page);
        return languages.contains(Languages.HTTP) ? Languages.HTTP : languages.isEmpty() ? "" : languages.get(0);
    }
}
