package com.workos.mcpdocs.service;

import com.workos.mcpdocs.corpus.Corpus;
import com.workos.mcpdocs.corpus.Navigation;
import com.workos.mcpdocs.corpus.Page;
import com.workos.mcpdocs.render.PageRenderer;
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

    private static final int MAX_SIBLINGS = 12;
    private static final int MAX_DESCRIPTION = 160;

    private final Corpus corpus;
    private final PageRenderer renderer;

    public DocsService(Corpus corpus, PageRenderer renderer) {
        this.corpus = corpus;
        this.renderer = renderer;
    }

    public Corpus corpus() {
        return corpus;
    }

    /**
     * A page as Markdown with its navigation, or a listing for the empty path or a folder.
     *
     * @throws NotFoundException        for an unknown path, with the closest existing paths
     * @throws IllegalArgumentException for a path that is not acceptable (too long, control characters)
     */
    public String read(String rawPath) {
        PathNormalizer.DocPath docPath = PathNormalizer.normalize(rawPath);
        String path = docPath.path();
        if (path.isEmpty()) {
            return overview();
        }
        Optional<Page> page = corpus.page(path);
        if (page.isPresent()) {
            return renderer.render(page.get()) + navigation(page.get());
        }
        if (!corpus.pagesUnder(path).isEmpty()) {
            return folderListing(path);
        }
        Optional<Page> moved = corpus.aliases().movedTo(path).flatMap(corpus::page);
        if (moved.isPresent()) {
            // One line first, so a model updates the path it remembers instead of relying on the alias.
            return "> Moved: `" + path + "` is now `" + moved.get().path() + "` (" + moved.get().url() + ").\n\n"
                    + renderer.render(moved.get()) + navigation(moved.get());
        }
        List<String> closest = ClosestPaths.closest(path, corpus.pagesByPath().keySet(), 5);
        if (corpus.aliases().wasRemoved(path)) {
            throw new NotFoundException("The page '" + path + "' was removed from the WorkOS docs (it existed in "
                    + "an earlier version). Closest current pages are listed below.", closest);
        }
        throw new NotFoundException("No page at '" + path + "'.", closest);
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
        out.append("\nRead a section's page list with `workos_docs {\"path\": \"<path>\"}`; "
                + "find a topic with `workos_search`.\n");
        return out.toString();
    }

    private String folderListing(String folder) {
        SortedMap<String, Page> under = corpus.pagesUnder(folder);
        StringBuilder out = new StringBuilder("# ").append(folder).append("\n\n");
        out.append(under.size()).append(" pages under `").append(folder).append("`. Read one with ")
                .append("`workos_docs {\"path\": \"<path>\"}`.\n\n");
        for (Page page : under.values()) {
            out.append(listItem(page)).append('\n');
        }
        return out.toString();
    }

    private String navigation(Page page) {
        StringBuilder out = new StringBuilder("\n---\n\n## Navigation\n\n");
        out.append("- Section: ").append(areaTitle(page.area())).append(" (`").append(page.area()).append("`)\n");
        parent(page.path()).ifPresent(parent -> out.append("- Parent: ").append(link(parent)).append('\n'));
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
        out.append("- ").append(label).append(":\n");
        pages.stream().limit(MAX_SIBLINGS).forEach(p -> out.append("  - ").append(link(p)).append('\n'));
        if (pages.size() > MAX_SIBLINGS) {
            out.append("  - ... ").append(pages.size() - MAX_SIBLINGS).append(" more: `workos_docs {\"path\": \"")
                    .append(folder).append("\"}` lists them all\n");
        }
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
