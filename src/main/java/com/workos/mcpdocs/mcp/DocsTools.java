package com.workos.mcpdocs.mcp;

import com.workos.mcpdocs.search.SearchHit;
import com.workos.mcpdocs.search.SearchResult;
import com.workos.mcpdocs.service.ChangelogService;
import com.workos.mcpdocs.service.CorpusUnavailableException;
import com.workos.mcpdocs.service.DocsRequest;
import com.workos.mcpdocs.service.DocsService;
import com.workos.mcpdocs.service.Limit;
import com.workos.mcpdocs.service.NotFoundException;
import com.workos.mcpdocs.service.PathNormalizer;
import com.workos.mcpdocs.service.SearchService;
import com.workos.mcpdocs.service.Services;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import io.modelcontextprotocol.spec.McpSchema.ToolAnnotations;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MCP tools: the four of the npm package under the same names and required parameters, each backed by a
 * service. Every handler turns bad input and unknown names into an {@code isError} result a model can act on.
 */
public final class DocsTools {

    private static final Logger log = LoggerFactory.getLogger(DocsTools.class);
    private static final int MAX_QUERY = SearchService.MAX_QUERY_LENGTH;
    private static final int MAX_NAME = 200;
    private static final int MAX_LANGUAGE = 40;

    /** Other names models send for each tool's arguments, mapped to the argument they mean. */
    private static final Map<String, String> SEARCH_NAMES = otherNames("q", "query", "search", "query", "text", "query", "keywords", "query", "limit", "maxResults", "max_results", "maxResults", "count", "maxResults", "top_k", "maxResults");
    private static final Map<String, String> DOCS_NAMES = otherNames("url", "path", "page", "path", "slug", "path", "lang", "language", "sdk", "language", "anchor", "section", "heading", "section", "max_length", "maxLength", "offset", "startIndex", "start_index", "startIndex");
    private static final Map<String, String> API_NAMES = otherNames("method", "name", "endpoint", "name", "object", "name", "query", "name", "lang", "language", "sdk", "language");
    private static final Map<String, String> EXAMPLES_NAMES = otherNames("group", "example", "name", "example", "section", "example", "lang", "language", "maxResults", "limit");
    private static final Map<String, String> CHANGELOGS_NAMES = otherNames("pkg", "package", "name", "package", "maxResults", "limit", "after", "since", "from", "since");

    private final Supplier<Services> current;

    /**
     * @param current the services to answer with; asked on every call, so a newly synced corpus is picked up
     */
    public DocsTools(Supplier<Services> current) {
        this.current = current;
    }

    /**
     * A tool and its handler, independent of the transport: the same definitions back the stdio server and the
     * stateless HTTP server.
     *
     * @param tool    the tool as listed to clients
     * @param handler the call handler; it never throws, errors come back as {@code isError} results
     */
    public record ToolDefinition(Tool tool, Function<Map<String, Object>, CallToolResult> handler) {
    }

    /** All tools. */
    public List<ToolDefinition> definitions() {
        return List.of(search(), docs(), examples(), changelogs(), api());
    }

    private Services services() {
        return current.get();
    }

    ToolDefinition search() {
        Tool tool = Tool.builder()
                .name("workos_search")
                .title("Search the WorkOS docs")
                .description("""
                        Search the WorkOS documentation: guides (SSO, AuthKit, Directory Sync, MFA, RBAC, FGA, \
                        Audit Logs, Admin Portal, Vault...), identity-provider integration guides, the API and SDK \
                        reference, events and errors. Call this first for any WorkOS question; keywords, a \
                        natural-language question, an SDK method or an endpoint all work. Each result gives the page \
                        path, title, best matching section and a snippet; then read the page with workos_docs.""")
                .inputSchema(schema(ordered(
                        "query", Map.of("type", "string", "description",
                                "What to look for, e.g. 'SAML redirect URI' or 'how do I sync users from Okta'",
                                "maxLength", MAX_QUERY),
                        "maxResults", Map.of("type", "integer", "minimum", Limit.SEARCH_RESULTS.min(),
                                "maximum", Limit.SEARCH_RESULTS.max(), "default", Limit.SEARCH_RESULTS.defaultValue(),
                                "description", "How many results (1-50)"),
                        "section", Map.of("type", "string", "description",
                                "Optional: only search under this part of the tree, e.g. 'sso' or 'reference/authkit'")),
                        List.of("query")))
                .outputSchema(searchOutputSchema())
                .annotations(readOnly("Search the WorkOS docs"))
                .build();
        return spec(tool, SEARCH_NAMES, args -> {
            String query = args.string("query", true, MAX_QUERY);
            Integer max = args.count("maxResults", Limit.SEARCH_RESULTS);
            String section = args.string("section", false, PathNormalizer.MAX_LENGTH);
            SearchResult result = services().search().search(query,
                    max == null ? SearchService.DEFAULT_RESULTS : max, section);
            List<Map<String, Object>> results = new ArrayList<>();
            for (SearchHit hit : result.hits()) {
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("path", hit.path());
                r.put("title", hit.title());
                r.put("heading", hit.heading());
                r.put("anchor", hit.anchor());
                r.put("url", hit.url());
                r.put("snippet", hit.snippet());
                r.put("score", Math.round(hit.score() * 1000) / 1000.0);
                r.put("docsCall", "workos_docs " + SearchService.docsCall(hit));
                results.add(r);
            }
            return CallToolResult.builder()
                    .addTextContent(SearchService.format(query, result))
                    .structuredContent(Map.of("results", results, "suggestions", result.suggestions()))
                    .build();
        });
    }

    ToolDefinition docs() {
        Tool tool = Tool.builder()
                .name("workos_docs")
                .title("Read a WorkOS docs page")
                .description("""
                        Read one page of the WorkOS documentation as Markdown, by path (e.g. 'sso/redirect-uris', \
                        'authkit', 'directory-sync/quick-start', 'reference/authkit/user/create'), with links to its \
                        parent, sibling and child pages. An empty path lists the sections of the docs with their page \
                        counts; a folder path (e.g. 'integrations') lists its pages with titles and descriptions, and \
                        '<folder>/*' (e.g. 'authkit/*') lists every page under a folder that has a page of its own. \
                        Full docs URLs are accepted too (their #anchor selects the section). API reference pages show \
                        the HTTP endpoint with its parameter table by default; pass 'language' for one SDK. Pass \
                        'section' to read only one heading's section. Long answers come in parts of 'maxLength' \
                        characters, each ending with the call for the next part. Use workos_search first when you do \
                        not know the path.""")
                .inputSchema(schema(ordered(
                        "path", Map.of("type", "string", "maxLength", PathNormalizer.MAX_LENGTH, "description",
                                "Docs path such as 'sso/redirect-uris' or a docs URL; 'authkit/*' for every page under "
                                        + "a folder; empty to list the sections"),
                        "language", Map.of("type", "string", "maxLength", MAX_LANGUAGE, "description",
                                "Optional, reference pages: one SDK language (js, python, ruby, go, php, java, "
                                        + "dotnet) or curl for HTTP (the default)"),
                        "section", Map.of("type", "string", "maxLength", PathNormalizer.MAX_LENGTH, "description",
                                "Optional: a heading text or anchor, e.g. 'wildcard-characters'; only that section"),
                        "maxLength", Map.of("type", "integer", "minimum", DocsService.MIN_MAX_LENGTH,
                                "maximum", DocsService.MAX_MAX_LENGTH, "default", DocsService.DEFAULT_MAX_LENGTH,
                                "description", "Optional: the most characters to return in one part"),
                        "startIndex", Map.of("type", "integer", "minimum", 0, "default", 0, "description",
                                "Optional: where to continue a long answer (given at the end of the previous part)")),
                        List.of("path")))
                .annotations(readOnly("Read a WorkOS docs page"))
                .build();
        return spec(tool, DOCS_NAMES, args -> {
            String path = args.string("path", false, PathNormalizer.MAX_LENGTH);
            DocsRequest request = new DocsRequest(path == null ? "" : path,
                    args.string("language", false, MAX_LANGUAGE),
                    args.string("section", false, PathNormalizer.MAX_LENGTH),
                    args.integer("maxLength", DocsService.MIN_MAX_LENGTH, DocsService.MAX_MAX_LENGTH),
                    args.integer("startIndex", 0, Integer.MAX_VALUE));
            return text(services().docs().read(request));
        });
    }

    ToolDefinition api() {
        Tool tool = Tool.builder()
                .name("workos_api")
                .title("Look up a WorkOS API method, endpoint or object")
                .description("""
                        Look up one entry of the WorkOS API reference by its exact name and get its signature, \
                        parameter table (types, required or optional, descriptions) and return type, with the page \
                        it lives on. Any form works: an SDK method ('createUser', 'create_user', \
                        'userManagement.createUser()', 'user_management.create_user'), an endpoint \
                        ('POST /user_management/users', '/user_management/users') or an object \
                        ('organization_membership', 'User'). Prefer it over workos_search when you already know the \
                        method, endpoint or object name; an unknown name answers with the closest names.""")
                .inputSchema(schema(ordered(
                        "name", Map.of("type", "string", "maxLength", MAX_NAME, "description",
                                "Method, endpoint or object name, e.g. 'createUser' or 'POST /user_management/users'"),
                        "language", Map.of("type", "string", "maxLength", MAX_LANGUAGE, "description",
                                "Optional: js, python, ruby, go, php, java, dotnet, or curl for HTTP. By default the "
                                        + "language whose spelling the name is, case included (generateLink: js, "
                                        + "GenerateLink: go, create_user or an endpoint: HTTP; several alike: the "
                                        + "first of js, python, ruby, go, java, php, dotnet), else HTTP")),
                        List.of("name")))
                .annotations(readOnly("Look up a WorkOS API entry"))
                .build();
        return spec(tool, API_NAMES, args -> text(services().api().lookup(args.string("name", true, MAX_NAME),
                args.string("language", false, MAX_LANGUAGE))));
    }

    ToolDefinition examples() {
        Tool tool = Tool.builder()
                .name("workos_examples")
                .title("WorkOS code examples")
                .description("""
                        Code examples from the WorkOS docs, grouped by section ('sso', 'authkit', \
                        'directory-sync', 'reference'...), each with its language, the page it comes from and the \
                        heading it sits under. Without 'example', lists the groups with their example counts. \
                        Use it to see how a feature is called in code; read the surrounding page with workos_docs.""")
                .inputSchema(schema(ordered(
                        "example", Map.of("type", "string", "maxLength", MAX_NAME, "description",
                                "Group name, e.g. 'sso' or 'authkit'; omit to list the groups"),
                        "language", Map.of("type", "string", "maxLength", 40, "description",
                                "Optional language filter: one of the languages the group list shows, e.g. 'js'; "
                                        + "without 'example', lists the groups that have it"),
                        "limit", Map.of("type", "integer", "minimum", Limit.EXAMPLES.min(), "maximum",
                                Limit.EXAMPLES.max(), "description",
                                "How many examples to show (default " + Limit.EXAMPLES.defaultValue() + ")")),
                        List.of()))
                .annotations(readOnly("WorkOS code examples"))
                .build();
        return spec(tool, EXAMPLES_NAMES, args -> {
            String example = args.string("example", false, MAX_NAME);
            String language = args.string("language", false, 40);
            Integer limit = args.count("limit", Limit.EXAMPLES);
            if (example == null || example.isBlank()) {
                return text(services().examples().groups(language));
            }
            return text(services().examples().examples(example, language, limit));
        });
    }

    ToolDefinition changelogs() {
        Tool tool = Tool.builder()
                .name("workos_changelogs")
                .title("WorkOS changelogs")
                .description("Recent WorkOS product and SDK changes, newest first (the WorkOS platform changelog "
                        + "is package 'workos-platform'). Without 'package', lists the packages with their entry "
                        + "counts and latest date. Use it to check whether a feature is new or has changed.")
                .inputSchema(schema(ordered(
                        "package", Map.of("type", "string", "maxLength", MAX_NAME, "description",
                                "Package name, e.g. 'workos-platform'; omit to list the packages"),
                        "limit", Map.of("type", "integer", "minimum", Limit.CHANGELOG_ENTRIES.min(), "maximum",
                                Limit.CHANGELOG_ENTRIES.max(), "description",
                                "How many entries (default " + Limit.CHANGELOG_ENTRIES.defaultValue() + ")"),
                        "since", Map.of("type", "string", "maxLength", 10, "description",
                                "Only entries on or after this ISO date, e.g. '2025-06-01'")),
                        List.of()))
                .annotations(readOnly("WorkOS changelogs"))
                .build();
        return spec(tool, CHANGELOGS_NAMES, args -> {
            String pkg = args.string("package", false, MAX_NAME);
            Integer limit = args.count("limit", Limit.CHANGELOG_ENTRIES);
            String since = args.string("since", false, 40);
            if (pkg == null || pkg.isBlank()) {
                return text(services().changelogs().packages());
            }
            return text(services().changelogs().entries(pkg, limit, since));
        });
    }

    /**
     * The tool with its handler. Its description gains the other names it accepts; every call's argument names are
     * checked against its schema's properties and those other names first.
     */
    private static ToolDefinition spec(Tool declared, Map<String, String> otherNames,
                                       Function<Arguments, CallToolResult> handler) {
        @SuppressWarnings("unchecked")
        List<String> accepted = List.copyOf(((Map<String, Object>) declared.inputSchema().get("properties")).keySet());
        String description = declared.description().strip() + (otherNames.isEmpty() ? ""
                : " " + Arguments.describeOtherNames(otherNames));
        Tool tool = new Tool(declared.name(), declared.title(), description, declared.inputSchema(),
                declared.outputSchema(), declared.annotations(), declared.meta(), declared.icons());
        return new ToolDefinition(tool, arguments -> {
                    try {
                        return handler.apply(Arguments.checked(tool.name(), arguments, accepted, otherNames));
                    } catch (CorpusUnavailableException e) {
                        return error(e.getMessage());
                    } catch (NotFoundException e) {
                        return error(e.getMessage() + (e.suggestions().isEmpty() ? ""
                                : "\n\nClosest matches:\n" + String.join("\n",
                                e.suggestions().stream().map(s -> "- " + s).toList())));
                    } catch (IllegalArgumentException e) {
                        return error("Invalid arguments for " + tool.name() + ": " + e.getMessage());
                    } catch (RuntimeException e) {
                        log.error("{} failed", tool.name(), e);
                        return error(tool.name() + " failed unexpectedly: " + e + ". Retry, or report this.");
                    }
                });
    }

    private static CallToolResult text(String markdown) {
        return CallToolResult.builder().addTextContent(markdown).build();
    }

    private static CallToolResult error(String message) {
        return CallToolResult.builder().addTextContent(message).isError(true).build();
    }

    private static ToolAnnotations readOnly(String title) {
        return new ToolAnnotations(title, true, false, true, false, null);
    }

    /** The properties of a schema in the order written, so lists of them read in that order. */
    private static Map<String, Object> ordered(Object... pairs) {
        Map<String, Object> properties = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            properties.put((String) pairs[i], pairs[i + 1]);
        }
        return properties;
    }

    /** Pairs of (other name, accepted name), in the order the description lists them. */
    private static Map<String, String> otherNames(String... pairs) {
        Map<String, String> names = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            names.put(pairs[i], pairs[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(names);
    }

    private static Map<String, Object> schema(Map<String, Object> properties, List<String> required) {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        schema.put("properties", properties);
        schema.put("required", required);
        schema.put("additionalProperties", false);
        return schema;
    }

    private static Map<String, Object> searchOutputSchema() {
        Map<String, Object> result = Map.of(
                "type", "object",
                "properties", Map.of(
                        "path", Map.of("type", "string"),
                        "title", Map.of("type", "string"),
                        "heading", Map.of("type", "string"),
                        "anchor", Map.of("type", "string"),
                        "url", Map.of("type", "string"),
                        "snippet", Map.of("type", "string"),
                        "score", Map.of("type", "number"),
                        "docsCall", Map.of("type", "string")),
                "required", List.of("path", "title", "snippet", "score"));
        return Map.of(
                "type", "object",
                "properties", Map.of(
                        "results", Map.of("type", "array", "items", result),
                        "suggestions", Map.of("type", "array", "items", Map.of("type", "string"))),
                "required", List.of("results"));
    }
}
