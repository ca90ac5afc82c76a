package com.workos.mcpdocs;

import com.workos.mcpdocs.corpus.Corpus;
import com.workos.mcpdocs.corpus.CorpusInfo;
import com.workos.mcpdocs.http.DocsHttpServer;
import com.workos.mcpdocs.http.HttpOptions;
import com.workos.mcpdocs.library.CorpusChoice;
import com.workos.mcpdocs.library.CorpusChoice.IndexedCorpus;
import com.workos.mcpdocs.library.DataDirectory;
import com.workos.mcpdocs.mcp.DocsMcpServer;
import com.workos.mcpdocs.mcp.stdio.StdioTransportProvider;
import com.workos.mcpdocs.service.CorpusUnavailableException;
import com.workos.mcpdocs.service.Services;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.server.McpSyncServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: the one place that builds the server's parts and wires them together. It is made from a
 * {@link CorpusChoice} decided once, and builds from it the services (for the command line and the embedding API)
 * and the MCP servers on stdio and HTTP. Nothing else constructs services or servers, and nothing here is global.
 */
public final class App {

    private static final Logger log = LoggerFactory.getLogger(App.class);

    private final CorpusChoice choice;

    private App(CorpusChoice choice) {
        this.choice = choice;
    }

    /**
     * The application for {@code --docs} and {@code --data-dir} (either {@code null} when not given: no folder, and
     * the data directory from the environment or its default).
     *
     * @throws IOException when {@code docs} is given but is not a folder
     */
    public static App of(Path docs, Path dataDir) throws IOException {
        return new App(CorpusChoice.decide(docs, DataDirectory.resolve(dataDir)));
    }

    /** Which corpus this application serves. */
    public CorpusChoice choice() {
        return choice;
    }

    /** The services over the chosen corpus, loaded now. */
    public Services services() throws IOException {
        return over(choice.load());
    }

    /** The services over a corpus already loaded (tests, tools that build their own corpus). */
    public static Services over(Corpus corpus) {
        return over(IndexedCorpus.of(corpus));
    }

    /** The services over the data directory's current corpus, when a sync made one that can be read. */
    static Optional<Services> synced(DataDirectory data) {
        return CorpusChoice.loadSynced(data).map(App::over);
    }

    private static Services over(IndexedCorpus loaded) {
        return Services.of(loaded.corpus(), loaded.index());
    }

    /**
     * The services of a long-running server: loaded now, then following each {@code sync} of the data directory
     * without a restart (a {@code --docs} folder is fixed). Its search is warmed up in the quiet times between
     * requests.
     */
    public Supplier<Services> liveServices() throws IOException {
        Services first = services();
        Supplier<Services> current = choice.followsSyncs()
                ? new ReloadingServices(choice.data(), first, App::synced)
                : () -> first;
        IdleTime idle = new IdleTime();
        Thread warmUp = new Thread(() -> warmUp(first, idle), "search-warm-up");
        warmUp.setDaemon(true);
        warmUp.start();
        return () -> {
            idle.touch();
            return current.get();
        };
    }

    /**
     * The JVM compiles the search as it runs, so the first few dozen searches of a fresh process run partly
     * interpreted and take several times longer. Searches made from the corpus get it compiled while the server
     * waits, one at a time and only after a quiet time without requests, so they never slow a client's call: an
     * editor starts its servers well before anyone asks a question (docs/performance.md has the figures).
     */
    private static void warmUp(Services services, IdleTime idle) {
        long start = System.nanoTime();
        try {
            int searches = services.search().warmUp(idle::awaitQuiet);
            log.debug("Warm-up: {} searches, finished {} ms after it began", searches,
                    (System.nanoTime() - start) / 1_000_000);
        } catch (RuntimeException e) {
            log.warn("The search warm-up stopped (searches are not affected): {}", e.toString());
        }
    }

    /**
     * Serves MCP over {@code in} and {@code out} until {@code in} ends. The corpus is loaded before the server reads
     * its first message, so every resource is listed and readable from the first request. A corpus that cannot be
     * loaded, whatever the failure (an {@link OutOfMemoryError} from a huge page included), is reported on stderr
     * and leaves a server that answers every call with what went wrong, instead of one that never answers.
     */
    public void serveStdio(InputStream in, OutputStream out) throws InterruptedException {
        Supplier<Services> services;
        CorpusInfo info = choice.info();
        try {
            services = liveServices();
            info = services.get().corpus().info();
        } catch (Throwable e) {
            String why = "The documentation could not be loaded (" + e + "). " + remedy();
            log.error(why);
            services = () -> {
                throw new CorpusUnavailableException(why, e);
            };
        }
        StdioTransportProvider transport = new StdioTransportProvider(McpJsonDefaults.getMapper(), in, out);
        McpSyncServer server = DocsMcpServer.create(services, info, transport);
        transport.awaitEnd();
        server.closeGracefully();
    }

    /** Starts the MCP server on Streamable HTTP; it follows syncs like {@link #liveServices()}. */
    public DocsHttpServer serveHttp(HttpOptions options) throws Exception {
        return DocsHttpServer.start(liveServices(), options);
    }

    private String remedy() {
        return choice.kind() == CorpusChoice.Kind.FOLDER
                ? "Check the folder given with --docs (the log above names the file), or serve another one."
                : "Run 'sync' again, or serve a folder with --docs DIR.";
    }
}
