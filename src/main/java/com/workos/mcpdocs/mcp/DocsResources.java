package com.workos.mcpdocs.mcp;

import com.workos.mcpdocs.corpus.Page;
import com.workos.mcpdocs.service.NotFoundException;
import com.workos.mcpdocs.service.PathNormalizer;
import com.workos.mcpdocs.service.Services;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.ReadResourceResult;
import io.modelcontextprotocol.spec.McpSchema.Resource;
import io.modelcontextprotocol.spec.McpSchema.ResourceTemplate;
import io.modelcontextprotocol.spec.McpSchema.TextResourceContents;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The docs as MCP resources: every page as {@code workos://docs/{path}} and every changelog as
 * {@code workos://changelogs/{package}}, both as Markdown, plus a template (with completion of {@code path}) for
 * clients that build URIs themselves. Transport-independent: the stdio and HTTP servers adapt these.
 */
public final class DocsResources {

    public static final String DOCS_PREFIX = "workos://docs/";
    public static final String CHANGELOGS_PREFIX = "workos://changelogs/";
    public static final String PAGE_TEMPLATE = DOCS_PREFIX + "{path}";
    public static final String MARKDOWN = "text/markdown";
    /** Resources per {@code resources/list} page; a client pages through the rest with the cursor. */
    public static final int PAGE_SIZE = 100;
    private static final int MAX_COMPLETIONS = 100;
    private static final int MAX_URI = PathNormalizer.MAX_LENGTH + DOCS_PREFIX.length();

    private final Supplier<Services> current;

    public DocsResources(Supplier<Services> current) {
        this.current = current;
    }

    /** Every page and changelog, in path order (stable, so cursors stay meaningful). */
    public List<Resource> all() {
        Services services = current.get();
        List<Resource> resources = new ArrayList<>();
        for (Page page : services.corpus().pagesByPath().values()) {
            resources.add(Resource.builder()
                    .uri(DOCS_PREFIX + page.path())
                    .name(page.path().isEmpty() ? "index" : page.path())
                    .title(page.title())
                    .description(page.description() == null || page.description().isBlank()
                            ? "WorkOS docs: " + page.title() : page.description())
                    .mimeType(MARKDOWN)
                    .build());
        }
        for (String pkg : services.corpus().changelogs().keySet()) {
            resources.add(Resource.builder()
                    .uri(CHANGELOGS_PREFIX + pkg)
                    .name("changelog/" + pkg)
                    .title("Changelog: " + pkg)
                    .description("Release notes of " + pkg + ", newest first.")
                    .mimeType(MARKDOWN)
                    .build());
        }
        return resources;
    }

    /**
     * One page of {@link #all()}.
     *
     * @param cursor {@code null} for the first page, else a {@code nextCursor} from an earlier page
     * @throws McpError (invalid params) for a cursor this server did not hand out
     */
    public McpSchema.ListResourcesResult list(String cursor) {
        List<Resource> all = all();
        int start = 0;
        if (cursor != null) {
            try {
                start = Integer.parseInt(cursor);
            } catch (NumberFormatException e) {
                start = -1;
            }
            if (start < 0 || start > all.size()) {
                throw invalid("unknown cursor '" + truncate(cursor) + "'; start again without a cursor.");
            }
        }
        int end = Math.min(all.size(), start + PAGE_SIZE);
        String next = end < all.size() ? Integer.toString(end) : null;
        return new McpSchema.ListResourcesResult(all.subList(start, end), next);
    }

    /** The template for pages, whose {@code path} can be completed. */
    public ResourceTemplate pageTemplate() {
        return ResourceTemplate.builder()
                .uriTemplate(PAGE_TEMPLATE)
                .name("workos-doc-page")
                .title("WorkOS docs page")
                .description("A WorkOS docs page as Markdown by its path, e.g. workos://docs/sso/redirect-uris.")
                .mimeType(MARKDOWN)
                .build();
    }

    /**
     * Reads a resource.
     *
     * @throws McpError invalid params for a malformed URI, resource-not-found (with the closest paths) otherwise
     */
    public ReadResourceResult read(String uri) {
        if (uri == null || uri.length() > MAX_URI) {
            throw invalid("a resource URI must be at most " + MAX_URI + " characters, like " + DOCS_PREFIX
                    + "sso/redirect-uris.");
        }
        Services services = current.get();
        try {
            String text;
            if (uri.startsWith(DOCS_PREFIX)) {
                String path = uri.substring(DOCS_PREFIX.length());
                String normalized = PathNormalizer.normalize(path).path();
                if (services.corpus().page(normalized).isEmpty()) {
                    // Resources are pages only; folder listings stay with the workos_docs tool.
                    throw new NotFoundException("No page at '" + normalized + "'.",
                            com.workos.mcpdocs.service.ClosestPaths.closest(normalized,
                                    services.corpus().pagesByPath().keySet(), 5));
                }
                text = services.docs().read(normalized);
            } else if (uri.startsWith(CHANGELOGS_PREFIX)) {
                text = services.changelogs().entries(uri.substring(CHANGELOGS_PREFIX.length()), null, null);
            } else {
                throw invalid("unknown resource URI scheme; use " + DOCS_PREFIX + "{path} or " + CHANGELOGS_PREFIX
                        + "{package}.");
            }
            return new ReadResourceResult(List.of(new TextResourceContents(uri, MARKDOWN, text)));
        } catch (IllegalArgumentException e) {
            throw invalid(e.getMessage());
        } catch (NotFoundException e) {
            String closest = e.suggestions().isEmpty() ? "" : " Closest: " + e.suggestions().stream()
                    .map(p -> DOCS_PREFIX + p).reduce((a, b) -> a + ", " + b).orElse("") + ".";
            throw McpError.builder(McpSchema.ErrorCodes.RESOURCE_NOT_FOUND)
                    .message(e.getMessage() + closest)
                    .data(Map.of("uri", truncate(uri), "closest", e.suggestions()))
                    .build();
        }
    }

    /** Page paths starting with {@code prefix} (then containing it), for completion of the template's path. */
    public McpSchema.CompleteResult completePath(String prefix) {
        String needle = prefix == null ? "" : prefix.strip().toLowerCase(java.util.Locale.ROOT);
        if (needle.length() > PathNormalizer.MAX_LENGTH) {
            return new McpSchema.CompleteResult(new McpSchema.CompleteResult.CompleteCompletion(List.of(), 0, false));
        }
        List<String> starts = new ArrayList<>();
        List<String> contains = new ArrayList<>();
        for (String path : current.get().corpus().pagesByPath().keySet()) {
            if (path.startsWith(needle)) {
                starts.add(path);
            } else if (path.contains(needle)) {
                contains.add(path);
            }
        }
        starts.addAll(contains);
        int total = starts.size();
        List<String> values = starts.subList(0, Math.min(total, MAX_COMPLETIONS));
        return new McpSchema.CompleteResult(new McpSchema.CompleteResult.CompleteCompletion(List.copyOf(values),
                total, total > values.size()));
    }

    static McpError invalid(String message) {
        return McpError.builder(McpSchema.ErrorCodes.INVALID_PARAMS).message(message).build();
    }

    private static String truncate(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "..." : s;
    }
}
