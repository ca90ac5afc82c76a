package com.workos.mcpdocs.cli;

import com.workos.mcpdocs.App;
import com.workos.mcpdocs.http.DocsHttpServer;
import com.workos.mcpdocs.http.HttpOptions;
import com.workos.mcpdocs.library.DataDirectory;
import com.workos.mcpdocs.mcp.DocsMcpServer;
import com.workos.mcpdocs.mcp.Version;
import com.workos.mcpdocs.service.DocsRequest;
import com.workos.mcpdocs.service.Calls;
import com.workos.mcpdocs.service.CorpusUnavailableException;
import com.workos.mcpdocs.service.DocsService;
import com.workos.mcpdocs.service.Limit;
import com.workos.mcpdocs.service.NotFoundException;
import com.workos.mcpdocs.service.SearchService;
import com.workos.mcpdocs.service.Services;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The command line. Without a subcommand it serves MCP over stdio, where stdout carries only protocol messages.
 */
@Command(name = "workos-mcp-docs-server",
        mixinStandardHelpOptions = true,
        versionProvider = Main.VersionProvider.class,
        description = {
                "An MCP server with the WorkOS documentation inside: search, rendered pages, code examples and "
                        + "changelogs, offline.",
                "",
                "Without a command it serves MCP over stdio (what MCP clients launch)."},
        footer = {"", "Examples:",
                "  java -jar workos-mcp-docs-server.jar                      serve MCP over stdio",
                "  java -jar workos-mcp-docs-server.jar search \"saml redirect uri\"",
                "  java -jar workos-mcp-docs-server.jar docs sso/redirect-uris",
                "  java -jar workos-mcp-docs-server.jar --docs ./organized   serve a local folder"},
        subcommands = {Main.Serve.class, Main.Search.class, Main.Docs.class, Main.Api.class, Main.Changelog.class,
                SyncCommand.class, DoctorCommand.class, ConfigCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Callable<Integer> {

    @Option(names = "--docs", paramLabel = "DIR", scope = CommandLine.ScopeType.INHERIT,
            description = "Serve this folder (in the .docs/organized layout: docs/, changelogs/, examples/) "
                    + "instead of the embedded corpus.")
    Path docs;

    // Paths on lines of their own: the help's line breaking would otherwise cut them at their dots.
    @Option(names = "--data-dir", paramLabel = "DIR", scope = CommandLine.ScopeType.INHERIT,
            description = {"Where sync keeps corpora. Default:", "  $WORKOS_DOCS_DATA_DIR, else",
                    "  $XDG_DATA_HOME/workos-mcp-docs-server, else", "  ~/.local/share/workos-mcp-docs-server"})
    Path dataDir;

    /** The data directory this run uses. */
    DataDirectory data() {
        return DataDirectory.resolve(dataDir);
    }

    /** The application over the corpus these options choose. */
    App app() throws IOException {
        return App.of(docs, dataDir);
    }

    public static void main(String[] args) {
        int code;
        if (args.length == 0) {
            // How MCP clients start the server: no command line to build, serve at once.
            try {
                code = serveStdio(null, null);
            } catch (Exception e) {
                System.err.println("error: " + e.getMessage());
                code = 1;
            }
        } else {
            code = commandLine().execute(args);
        }
        // Whatever threads are left (a request still running after the drain), the process ends with its input.
        System.out.flush();
        System.exit(code);
    }

    /** Commands that answer a person and finish: their normal run prints no log lines. */
    private static final java.util.Set<String> QUIET = java.util.Set.of("search", "docs", "api", "changelog",
            "doctor", "config", "help");

    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionStrategy(parseResult -> {
            CommandLine.ParseResult sub = parseResult.subcommand();
            if (sub != null && QUIET.contains(sub.commandSpec().name())
                    && System.getProperty(LOG_LEVEL) == null) {
                // Loading the corpus logs what it served at INFO: useful from a server, noise after a command.
                System.setProperty(LOG_LEVEL, "warn");
            }
            return new CommandLine.RunLast().execute(parseResult);
        });
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("error: " + e.getMessage());
            return 1;
        });
        return cli;
    }

    @Override
    public Integer call() throws Exception {
        return serveStdio(docs, dataDir);
    }

    /** Serves MCP over stdin and stdout until stdin ends. */
    static int serveStdio(Path docs, Path dataDir) throws IOException, InterruptedException {
        App.of(docs, dataDir).serveStdio(System.in, System.out);
        return 0;
    }

    /** {@code serve}: run the MCP server. */
    @Command(name = "serve", mixinStandardHelpOptions = true,
            description = "Serve MCP over stdio (the default when no command is given), or over Streamable HTTP "
                    + "with --http.")
    static final class Serve implements Callable<Integer> {
        @CommandLine.ParentCommand
        Main parent;

        @Option(names = "--http", description = "Serve MCP over Streamable HTTP (POST /mcp, GET /healthz) "
                + "instead of stdio.")
        boolean http;

        @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to bind with --http "
                + "(default ${DEFAULT-VALUE}); anything but loopback needs a token.")
        String host;

        @Option(names = "--port", defaultValue = "8080", description = "Port for --http (default ${DEFAULT-VALUE}).")
        int port;

        @Option(names = "--token", description = "Bearer token clients must send with --http; defaults to the "
                + "environment variable " + HttpOptions.TOKEN_ENV + ".")
        String token;

        @Option(names = "--allow-host", paramLabel = "HOST:PORT", description = "Also accept this Host header "
                + "(e.g. docs.example.com:443 behind a proxy); repeatable.")
        List<String> allowHosts = new java.util.ArrayList<>();

        @Option(names = "--allow-origin", paramLabel = "ORIGIN", description = "Also accept this Origin header "
                + "(e.g. https://app.example.com); repeatable.")
        List<String> allowOrigins = new java.util.ArrayList<>();

        @Option(names = "--max-body", defaultValue = "1048576", description = "Largest request body in bytes "
                + "(default ${DEFAULT-VALUE}); larger ones get 413.")
        int maxBody;

        @Option(names = "--rate-limit", defaultValue = "0", description = "Requests per client address per minute "
                + "before 429 (default 0: no limit).")
        int rateLimit;

        @Override
        public Integer call() throws Exception {
            if (!http) {
                return serveStdio(parent.docs, parent.dataDir);
            }
            String bearer = token != null ? token : System.getenv(HttpOptions.TOKEN_ENV);
            HttpOptions options = new HttpOptions(host, port, bearer, allowHosts, allowOrigins, maxBody, rateLimit,
                    java.time.Duration.ofSeconds(30));
            // Replicas and long-running servers follow syncs of the data directory without a restart.
            DocsHttpServer server = parent.app().serveHttp(options);
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "http-shutdown"));
            System.err.println("Serving MCP at " + server.baseUrl() + DocsHttpServer.MCP_PATH);
            server.join();
            return 0;
        }
    }

    /** {@code search QUERY}: ranked results for people. */
    @Command(name = "search", mixinStandardHelpOptions = true, description = "Search the docs and print ranked "
            + "results, each with the command that reads it.")
    static final class Search implements Callable<Integer> {
        @CommandLine.ParentCommand
        Main parent;

        @Parameters(arity = "1..*", paramLabel = "QUERY", description = "Words to look for, such as saml redirect uri.")
        List<String> words;

        @Option(names = {"-n", "--max-results"}, paramLabel = "N", description = "How many results (1-50, default "
                + "10).")
        Integer maxResults;

        @Option(names = "--section", paramLabel = "PATH", description = "Only search under this path, such as sso.")
        String section;

        @Option(names = "--json", description = "Print the results as JSON (as the MCP tool's structured content).")
        boolean json;

        @Option(names = "--explain", description = "Print how each result's score was made: Lucene's explanation of "
                + "the page and section scores, and each factor of the re-ranking by name.")
        boolean explain;

        @Override
        public Integer call() throws Exception {
            return print(() -> {
                int max = Limit.SEARCH_RESULTS.check(maxResults, "--max-results");
                Services services = parent.app().services().forCommandLine();
                String query = String.join(" ", words);
                if (explain) {
                    StringBuilder out = new StringBuilder();
                    int rank = 1;
                    for (String hit : services.search().explain(query, max, section)) {
                        out.append('\n').append(rank++).append(". ").append(hit);
                    }
                    return out.length() == 0 ? "No results for '" + query + "'.\n" : out.toString();
                }
                var result = services.search().search(query, max, section);
                if (json) {
                    return tools.jackson.databind.json.JsonMapper.builder().build()
                            .writerWithDefaultPrettyPrinter().writeValueAsString(result) + "\n";
                }
                return Terminal.highlight(SearchService.format(query, result, Calls.COMMANDS));
            });
        }
    }

    /** {@code docs [PATH]}: a page or a listing. */
    @Command(name = "docs", mixinStandardHelpOptions = true,
            description = "Print a docs page as Markdown, or list the docs tree (no PATH) or a folder.")
    static final class Docs implements Callable<Integer> {
        @CommandLine.ParentCommand
        Main parent;

        @Parameters(arity = "0..1", paramLabel = "PATH", description = {"A page such as sso/redirect-uris or its URL;",
                "a folder with /* for all its pages, such as 'authkit/*';", "none: the sections of the docs."})
        String path;

        @Option(names = "--language", paramLabel = "LANG", description = "Reference pages: one SDK language (js, "
                + "python, ruby, go, php, java, dotnet) or curl (the default).")
        String language;

        @Option(names = "--section", paramLabel = "HEADING", description = "Only the section with this heading "
                + "text or anchor.")
        String section;

        @Override
        public Integer call() throws Exception {
            Services services = parent.app().services().forCommandLine();
            return print(() -> services.docs().read(new DocsRequest(path == null ? "" : path, language, section,
                    DocsService.MAX_MAX_LENGTH, null)));
        }
    }

    /** {@code api NAME}: one API reference entry. */
    @Command(name = "api", mixinStandardHelpOptions = true,
            description = "Print the API reference entry of a method, endpoint or object.")
    static final class Api implements Callable<Integer> {
        @CommandLine.ParentCommand
        Main parent;

        @Parameters(arity = "1..*", paramLabel = "NAME", description = {"A method, endpoint or object, such as",
                "createUser, 'POST /user_management/users' or User."})
        List<String> name;

        @Option(names = "--language", paramLabel = "LANG", description = "js, python, ruby, go, php, java, dotnet or curl (HTTP). "
                + "Default: the language whose spelling NAME is (generateLink: js, create_user: HTTP), else HTTP.")
        String language;

        @Override
        public Integer call() throws Exception {
            Services services = parent.app().services().forCommandLine();
            return print(() -> services.api().lookup(String.join(" ", name), language));
        }
    }

    /** {@code changelog [PACKAGE]}: changelog entries. */
    @Command(name = "changelog", mixinStandardHelpOptions = true,
            description = "List the changelog packages, or print one package's entries, newest first.")
    static final class Changelog implements Callable<Integer> {
        @CommandLine.ParentCommand
        Main parent;

        @Parameters(arity = "0..1", paramLabel = "PACKAGE", description = "A package such as workos-platform; none: "
                + "the list of packages.")
        String pkg;

        @Option(names = "--limit", paramLabel = "N", description = "How many entries (1-100, default 10).")
        Integer limit;

        @Option(names = "--since", paramLabel = "DATE", description = "Only entries on or after this ISO date.")
        String since;

        @Override
        public Integer call() throws Exception {
            return print(() -> {
                Limit.CHANGELOG_ENTRIES.check(limit, "--limit");
                Services services = parent.app().services().forCommandLine();
                return pkg == null ? services.changelogs().packages() : services.changelogs().entries(pkg, limit, since);
            });
        }
    }

    private static final String LOG_LEVEL = "org.slf4j.simpleLogger.defaultLogLevel";

    /** An answer that may fail with an exception the command turns into a message and an exit code. */
    private interface Answer {
        String get() throws Exception;
    }

    private static int print(Answer answer) throws Exception {
        try {
            System.out.print(answer.get());
            return 0;
        } catch (NotFoundException e) {
            PrintWriter err = new PrintWriter(System.err, true);
            err.println(e.getMessage());
            if (!e.suggestions().isEmpty()) {
                err.println("Closest: " + String.join(", ", e.suggestions()));
            }
            return 1;
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return 2;
        } catch (CorpusUnavailableException e) {
            System.err.println(e.getMessage());
            return 1;
        }
    }

    /** Version from the jar manifest. */
    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {DocsMcpServer.NAME + " " + Version.current()};
        }
    }
}
