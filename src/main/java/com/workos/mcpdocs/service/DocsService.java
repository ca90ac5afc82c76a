package com.workos.mcpdocs.service;

import com.workos.mcpdocs.corpus.Corpus;
import com.workos.mcpdocs.corpus.Headings;
import com.workos.mcpdocs.corpus.Navigation;
import com.workos.mcpdocs.corpus.Page;
import com.workos.mcpdocs.render.Languages;
import com.workos.mcpdocs.render.PageRenderer;
import com.workos.mcpdocs.render.Sections;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

/**
 * Reads pages and lists the docs tree. Paths are looked up in the in-memory corpus only.
 */
public final class DocsService {

    /** The default cap on one answer, in characters: a long page comes in parts. */
    public static final int DEFAULT_MAX_LENGTH = 20_000;
    public static final int MIN_MAX_LENGTH = 200;
    public static final int MAX_MAX_LENGTH = 200_000;

    private static final int MAX_SIBLINGS = 12;
    private static final int MAX_DESCRIPTION = 160;

    private final Corpus corpus;
    private final PageRenderer renderer;
    private final Calls calls;

    public DocsService(Corpus corpus, PageRenderer renderer) {
        this(corpus, renderer, Calls.TOOLS);
    }

    /** @param calls how answers point at further reading: tool calls for a model, commands for a person */
    public DocsService(Corpus corpus, PageRenderer renderer, Calls calls) {
        this.corpus = corpus;
        this.renderer = renderer;
        this.calls = calls;
    }

    /** The same service, its answers pointing at further reading with {@code calls}. */
    public DocsService with(Calls calls) {
        return new DocsService(corpus, renderer, calls);
    }

    public Corpus corpus() {
        return corpus;
    }

    PageRenderer renderer() {
        return renderer;
    }

    /**
     * A page as Markdown with its navigation, or a listing for the empty path or a folder.
     *
     * @throws NotFoundException        for an unknown path, with the closest existing paths
     * @throws IllegalArgumentException for a path that is not acceptable (too long, control characters)
     */
    public String read(String rawPath) {
        return read(DocsRequest.of(rawPath));
    }

    /**
     * A page, one section of it, or a listing, with the API reference in the requested language, cut to
     * {@code maxLength} characters from {@code startIndex}.
     *
     * @throws NotFoundException        for an unknown path, with the closest existing paths
     * @throws IllegalArgumentException for an unknown language or section (naming the available ones), a bad path
     *                                  or a start index past the end
     */
    public String read(DocsRequest request) {
        PathNormalizer.DocPath docPath = PathNormalizer.normalize(request.path());
        String section = request.section() == null || request.section().isBlank() ? docPath.anchor() : request.section();
        String full = answer(docPath.path(), request.language(), section);
        int max = request.maxLength() == null ? DEFAULT_MAX_LENGTH : request.maxLength();
        int start = request.startIndex() == null ? 0 : request.startIndex();
        return Pagination.part(full, start, max, next -> nextCall(request, max, next));
    }

    private String answer(String path, String language, String section) {
        if (path.isEmpty() || path.equals("*")) {
            return overview();
        }
        if (corpus.pages().isEmpty()) {
            throw CorpusUnavailableException.noPages(corpus.info());
        }
        if (path.endsWith("/*")) {
            // every page under a folder, also when the folder has a page of its own (which shows only some)
            String folder = path.substring(0, path.length() - 2);
            if (!corpus.pagesUnder(folder).isEmpty()) {
                return folderListing(folder);
            }
            if (corpus.page(folder).isPresent()) {
                return "`" + folder + "` has no pages below it; read it with `" + calls.docs(folder, null, null)
                        + "`.\n";
            }
            List<String> folders = corpus.pages().stream().map(Page::area).distinct().toList();
            throw new NotFoundException("No docs folder '" + folder + "'.", ClosestPaths.closest(folder, folders, 5));
        }
        Optional<Page> page = corpus.page(path);
        if (page.isPresent()) {
            return renderPage(page.get(), language, section);
        }
        if (!corpus.pagesUnder(path).isEmpty()) {
            return folderListing(path);
        }
        // the site addresses some sections as sub-paths: events/user is the "user" section of events
        int slash = path.lastIndexOf('/');
        if (slash > 0 && (section == null || section.isBlank())) {
            Optional<Page> parent = corpus.page(path.substring(0, slash));
            String anchor = path.substring(slash + 1);
            if (parent.isPresent() && parent.get().headings().stream().anyMatch(h -> h.anchor().equals(anchor))) {
                return renderPage(parent.get(), language, anchor);
            }
        }
        Optional<Page> moved = corpus.aliases().movedTo(path).flatMap(corpus::page);
        if (moved.isPresent()) {
            // One line first, so a model updates the path it remembers instead of relying on the alias.
            return "> Moved: `" + path + "` is now `" + moved.get().path() + "` (" + moved.get().url() + ").\n\n"
                    + renderPage(moved.get(), language, section);
        }
        List<String> closest = ClosestPaths.closest(path, corpus.pagesByPath().keySet(), 5);
        if (corpus.aliases().wasRemoved(path)) {
            throw new NotFoundException("The page '" + path + "' was removed from the WorkOS docs (it existed in "
                    + "an earlier version). Closest current pages are listed below.", closest);
        }
        throw new NotFoundException("No page at '" + path + "'.", closest);
    }

    private String renderPage(Page page, String requestedLanguage, String section) {
        String language = language(page, requestedLanguage);
        if (section == null || section.isBlank()) {
            boolean chosen = requestedLanguage != null && !requestedLanguage.isBlank();
            return Headings.withoutExplicitAnchors(languageOption(renderer.render(page, language, !chosen)))
                    + navigation(page);
        }
        String body = renderer.body(page, language);
        Sections.Section found = Sections.find(body, section).orElseThrow(() -> new IllegalArgumentException(
                "page '" + page.path() + "' has no section '" + section + "'. Its sections (pass the heading text "
                        + "or the anchor):\n" + Sections.list(body)));
        String sectionText = Headings.withoutExplicitAnchors(Headings.demote(found.markdown(), 2));
        return languageOption(renderer.header(page, language)) + sectionText.strip().replaceFirst("\\n+---$", "")
                + "\n\n---\nSection `" + found.anchor() + "` of " + page.url() + ". The whole page: `"
                + calls.docs(page.path(), null, null) + "`.\n";
    }

    /** The renderer's hint for switching languages, as this service's reader switches them. */
    private String languageOption(String rendered) {
        return calls == Calls.TOOLS ? rendered : rendered.replace(PageRenderer.LANGUAGE_OPTION, calls.languageOption());
    }

    /**
     * The language to render the reference in: the requested one (aliases such as {@code node} accepted), else
     * the page's default. A language on a page without reference is ignored: the page is the same in every
     * language.
     */
    private String language(Page page, String requested) {
        List<String> available = renderer.languages(page);
        if (requested == null || requested.isBlank() || available.isEmpty()) {
            return renderer.defaultLanguage(page);
        }
        String language = Languages.canonical(requested);
        if (!available.contains(language)) {
            throw new IllegalArgumentException("page '" + page.path() + "' has no API reference in '" + requested
                    + "'. Available languages: " + String.join(", ", available) + ".");
        }
        return language;
    }

    private static String nextCall(DocsRequest request, int max, int next) {
        StringBuilder call = new StringBuilder("workos_docs {\"path\": ").append(Calls.json(request.path() == null ? ""
                : request.path()));
        if (request.language() != null && !request.language().isBlank()) {
            call.append(", \"language\": ").append(Calls.json(request.language()));
        }
        if (request.section() != null && !request.section().isBlank()) {
            call.append(", \"section\": ").append(Calls.json(request.section()));
        }
        if (request.maxLength() != null) {
            call.append(", \"maxLength\": ").append(max);
        }
        return call.append(", \"startIndex\": ").append(next).append('}').toString();
    }

    /** The top level: each area with its title and page count. */
    public String overview() {
        StringBuilder out = new StringBuilder("# WorkOS documentation\n\n");
        out.append("Corpus: ").append(corpus.info().describe()).append(", ")
                .append(corpus.pages().size()).append(" pages.\n\n");
        if (!corpus.aliases().isEmpty()) {
            out.append("Old paths still answer: ").append(corpus.aliases().moved().size())
                    .append(" moved pages lead to their new path.\n\n");
        }
        if (corpus.pages().isEmpty()) {
            out.append("No pages are loaded. Start the server with `--docs DIR` pointing at a folder in the "
                    + "`.docs/organized` layout (with a `docs/` folder of `.mdx` pages).\n");
            return out.toString();
        }
        out.append("| Section | Path | Pages |\n|---|---|---|\n");
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Page page : corpus.pages()) {
            counts.merge(page.area(), 1, Integer::sum);
        }
        counts.forEach((area, count) -> out.append("| ").append(areaTitle(area)).append(" | `").append(area)
                .append("` | ").append(count).append(" |\n"));
        out.append("\nRead a section's own page with `").append(calls.docs(null, null, null))
                .append("`, the list of all its pages with `").append(calls.listPages(null))
                .append("`; find a topic with `").append(calls.search(null)).append("`.\n");
        return out.toString();
    }

    private String folderListing(String folder) {
        SortedMap<String, Page> under = corpus.pagesUnder(folder);
        StringBuilder out = new StringBuilder("# ").append(folder).append("\n\n");
        Optional<Page> own = corpus.page(folder);
        out.append(own.map(page -> "The page `" + folder + "` and the ").orElse("The ")).append(under.size())
                .append(" pages under it. Read one with `").append(calls.docs(null, null, null)).append("`.\n\n");
        own.ifPresent(page -> out.append(listItem(page)).append('\n'));
        for (Page page : under.values()) {
            out.append(listItem(page)).append('\n');
        }
        return out.toString();
    }

    /**
     * Where the page sits: its section, parent, siblings and children. Compact on purpose (siblings and children by
     * their last path segments), as it follows every page.
     */
    private String navigation(Page page) {
        StringBuilder out = new StringBuilder("\n---\n");
        Optional<Page> parent = parent(page.path());
        if (parent.isPresent()) {
            out.append("Parent: ").append(link(parent.get())).append(".\n");
        } else {
            out.append("Section: ").append(areaTitle(page.area())).append(" (`").append(page.area()).append("`).\n");
        }
        String folder = page.path().contains("/") ? page.path().substring(0, page.path().lastIndexOf('/')) : null;
        if (folder != null) {
            List<Page> siblings = directChildren(folder).stream().filter(p -> !p.path().equals(page.path())).toList();
            appendList(out, "Siblings", siblings, folder);
        }
        appendList(out, "Children", directChildren(page.path()), page.path());
        return out.toString();
    }

    private void appendList(StringBuilder out, String label, List<Page> pages, String folder) {
        if (pages.isEmpty()) {
            return;
        }
        out.append(label).append(" in `").append(folder).append("/`: ");
        out.append(String.join(", ", pages.stream().limit(MAX_SIBLINGS)
                .map(p -> p.path().substring(folder.length() + 1)).toList()));
        if (pages.size() > MAX_SIBLINGS) {
            out.append(" and ").append(pages.size() - MAX_SIBLINGS).append(" more (`")
                    .append(calls.listPages(folder)).append("` lists them all)");
        }
        out.append(".\n");
    }

    /** Pages one level below {@code folder}, or the nearest existing pages below it when a level has no page. */
    private List<Page> directChildren(String folder) {
        List<Page> children = new ArrayList<>();
        String prefix = folder + "/";
        for (Page p : corpus.pagesUnder(folder).values()) {
            String rest = p.path().substring(prefix.length());
            if (!rest.contains("/")) {
                children.add(p);
            } else {
                String intermediate = prefix + rest.substring(0, rest.indexOf('/'));
                if (corpus.page(intermediate).isEmpty() && parent(p.path()).map(Page::path).orElse("").equals(folder)) {
                    children.add(p);
                }
            }
        }
        return children;
    }

    private Optional<Page> parent(String path) {
        String current = path;
        while (current.contains("/")) {
            current = current.substring(0, current.lastIndexOf('/'));
            Optional<Page> page = corpus.page(current);
            if (page.isPresent()) {
                return page;
            }
        }
        return Optional.empty();
    }

    private String areaTitle(String area) {
        return corpus.navigation(area).map(Navigation::title).filter(t -> !t.isEmpty())
                .or(() -> corpus.page(area).map(Page::title))
                .orElse(area);
    }

    private static String link(Page page) {
        return page.title() + " (`" + page.path() + "`)";
    }

    static String listItem(Page page) {
        String description = page.description().replace("\n", " ").strip();
        if (description.length() > MAX_DESCRIPTION) {
            description = description.substring(0, MAX_DESCRIPTION - 1).strip() + "…";
        }
        return "- `" + page.path() + "`: " + page.title() + (description.isEmpty() ? "" : " - " + description);
    }
}
