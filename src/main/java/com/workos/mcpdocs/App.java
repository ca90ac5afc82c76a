package com.workos.mcpdocs;

import com.workos.mcpdocs.corpus.Corpus;
import com.workos.mcpdocs.corpus.CorpusInfo;
import com.workos.mcpdocs.library.CorpusLoader;
import com.workos.mcpdocs.library.DataDirectory;
import com.workos.mcpdocs.library.EmbeddedCorpus;
import com.workos.mcpdocs.library.StoredCorpus;
import com.workos.mcpdocs.search.PrebuiltIndex;
import com.workos.mcpdocs.service.CorpusUnavailableException;
import com.workos.mcpdocs.service.Services;
import com.workos.mcpdocs.source.ContentTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires the application: picks the corpus to serve, loads it and builds the services over it. The corpus served is
 * {@code --docs DIR} when given, else the newest one {@code sync} put in the data directory, else the one embedded
 * in the jar, else an empty one (the server then tells its client how to load one).
 */
public final class App {

    private static final Logger log = LoggerFactory.getLogger(App.class);

    private App() {
    }

    /**
     * Services over {@code docsDir} when given, else over the synced corpus in the default data directory, else the
     * embedded corpus.
     *
     * @throws IOException when {@code docsDir} is given but cannot be read
     */
    public static Services services(Path docsDir) throws IOException {
        return services(docsDir, DataDirectory.resolve(null));
    }

    /** As {@link #services(Path)}, with the data directory given. */
    public static Services services(Path docsDir, DataDirectory data) throws IOException {
        if (docsDir == null) {
            Optional<Services> synced = syncedServices(data);
            if (synced.isPresent()) {
                return synced.get();
            }
        }
        return Services.of(loadCorpus(docsDir));
    }

    /**
     * Services loading from now on, on a thread of their own: the server can answer {@code initialize} at once, and
     * the first tool call waits for the corpus and index. Once loaded, the search is warmed up in {@code idle}'s
     * quiet times; every use of the services counts as a request there.
     */
    public static Supplier<Services> servicesInBackground(Path docsDir, DataDirectory data, IdleTime idle) {
        CompletableFuture<Supplier<Services>> loading = new CompletableFuture<>();
        Thread loader = new Thread(() -> {
            try {
                if (servesEmbedded(docsDir, data)) {
                    PrebuiltIndex.prefetchEmbedded(data.embeddedIndexCopies());
                }
                Supplier<Services> current = reloadingServices(docsDir, data);
                Services services = current.get();
                loading.complete(current);
                // Analysis set up ahead of the first query (its stemmer's dictionary is most of a first search);
                // not a whole search: with initialize answered early the first call comes while one would still
                // run, and on two cores both were slower (measured).
                services.search().prepare();
                warmUp(services, idle);
            } catch (IOException | RuntimeException e) {
                log.error("Cannot load the documentation: {}", e.getMessage());
                loading.completeExceptionally(e);
            }
        }, "corpus-loader");
        loader.setDaemon(true);
        loader.start();
        return () -> {
            idle.touch();
            try {
                return loading.join().get();
            } catch (CompletionException e) {
                throw new CorpusUnavailableException("The documentation could not be loaded: "
                        + e.getCause().getMessage(), e.getCause());
            }
        };
    }

    /**
     * {@code current} (services already loaded), its search warmed up in the quiet times between uses (as
     * {@link #servicesInBackground} does): for the HTTP server.
     */
    public static Supplier<Services> warmingUp(Supplier<Services> current) {
        IdleTime idle = new IdleTime();
        Services services = current.get();
        Thread warmUp = new Thread(() -> warmUp(services, idle), "search-warm-up");
        warmUp.setDaemon(true);
        warmUp.start();
        return () -> {
            idle.touch();
            return current.get();
        };
    }

    /**
     * The client JIT compiles the search as it runs, so the first few dozen searches of a fresh JVM are slow (tens of
     * milliseconds). Searches made from the corpus get it compiled in the quiet times between requests: an editor
     * starts its servers well before anyone asks a question. The quiet time counts from here, so a first call that
     * comes soon after start never finds a warm-up search running.
     */
    private static void warmUp(Services services, IdleTime idle) {
        idle.touch();
        long start = System.nanoTime();
        try {
            int searches = services.search().warmUp(idle::awaitQuiet);
            log.debug("Warm-up: {} searches, finished {} ms after it began", searches,
                    (System.nanoTime() - start) / 1_000_000);
        } catch (RuntimeException e) {
            log.warn("The search warm-up stopped (searches are not affected): {}", e.toString());
        }
    }

    /** Whether {@link #services} would serve the corpus embedded in the jar (no folder given, nothing synced). */
    private static boolean servesEmbedded(Path docsDir, DataDirectory data) {
        try {
            return docsDir == null && StoredCorpus.currentInfo(data).isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    /** What {@link #services} would serve, without loading it. */
    public static CorpusInfo describe(Path docsDir, DataDirectory data) throws IOException {
        if (docsDir != null) {
            return folderInfo(docsDir);
        }
        Optional<CorpusInfo> synced = StoredCorpus.currentInfo(data);
        if (synced.isPresent()) {
            return synced.get();
        }
        return EmbeddedCorpus.info().orElse(new CorpusInfo("none", "none", "none"));
    }

    /** Fails early, with what to do, when {@code --docs} does not name a folder. */
    public static void checkDocsDir(Path docsDir) throws IOException {
        if (docsDir != null && !Files.isDirectory(docsDir)) {
            throw new IOException("--docs " + docsDir + " is not a folder. Pass a folder in the .docs/organized "
                    + "layout (it holds docs/ with .mdx pages and optionally changelogs/ and examples/).");
        }
    }

    private static CorpusInfo folderInfo(Path docsDir) {
        return new CorpusInfo("folder " + docsDir.toAbsolutePath().normalize(), "unknown", "unknown");
    }

    /**
     * Services that follow {@code sync}: a call checks (at most once a second) whether the data directory's current
     * corpus changed and, if so, switches to it. With {@code docsDir} given the corpus is fixed.
     */
    public static Supplier<Services> reloadingServices(Path docsDir, DataDirectory data) throws IOException {
        Services first = services(docsDir, data);
        return docsDir != null ? () -> first : new ReloadingServices(data, first, App::syncedServices);
    }

    /** The services over the data directory's current corpus, when a sync made one. */
    static Optional<Services> syncedServices(DataDirectory data) {
        long start = System.nanoTime();
        try {
            Optional<StoredCorpus> stored = StoredCorpus.current(data);
            if (stored.isEmpty()) {
                return Optional.empty();
            }
            Corpus corpus = CorpusLoader.load(stored.get().tree(), stored.get().info());
            Services services = Services.of(corpus, stored.get().indexDir());
            logServing(corpus, start);
            return Optional.of(services);
        } catch (IOException | RuntimeException e) {
            log.warn("The synced corpus in {} cannot be read ({}); serving the embedded one. Run sync again to "
                    + "repair it.", data.root(), e.getMessage());
            return Optional.empty();
        }
    }

    public static Corpus loadCorpus(Path docsDir) throws IOException {
        long start = System.nanoTime();
        Corpus corpus;
        if (docsDir != null) {
            checkDocsDir(docsDir);
            ContentTree tree = ContentTree.fromDirectory(docsDir);
            if (tree.under("docs/").isEmpty()) {
                log.warn("{} has no docs/ folder: no pages will be served", docsDir);
            }
            corpus = CorpusLoader.load(tree, folderInfo(docsDir));
        } else {
            Optional<Corpus> embedded = EmbeddedCorpus.load();
            if (embedded.isEmpty()) {
                log.warn("This jar was built without an embedded corpus (npm was not available at build time). "
                        + "Serve content with --docs DIR (a folder in the .docs/organized layout), run "
                        + "'sync --npm', or rebuild with npm on the PATH.");
                return Corpus.empty(new CorpusInfo("none", "none", "none"));
            }
            corpus = embedded.get();
        }
        logServing(corpus, start);
        return corpus;
    }

    private static void logServing(Corpus corpus, long start) {
        log.info("Serving {}: {} pages, {} changelogs, {} skipped files, loaded in {} ms",
                corpus.info().describe(), corpus.pages().size(), corpus.changelogs().size(),
                corpus.problems().size(), (System.nanoTime() - start) / 1_000_000);
    }
}
