package com.workos.mcpdocs;

import com.workos.mcpdocs.corpus.Corpus;
import com.workos.mcpdocs.corpus.CorpusInfo;
import com.workos.mcpdocs.corpus.CorpusLoader;
import com.workos.mcpdocs.service.Services;
import com.workos.mcpdocs.source.ContentTree;
import com.workos.mcpdocs.source.EmbeddedCorpus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import com.workos.mcpdocs.service.CorpusUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Wires the application: picks the corpus to serve, loads it and builds the services over it. */
public final class App {

    private static final Logger log = LoggerFactory.getLogger(App.class);

    private App() {
    }

    /**
     * Services over {@code docsDir} when given, else over the corpus embedded in the jar, else over an empty
     * corpus (the server then tells its client how to load one).
     *
     * @throws IOException when {@code docsDir} is given but cannot be read
     */
    public static Services services(Path docsDir) throws IOException {
        return Services.of(loadCorpus(docsDir));
    }

    /**
     * Services that load in the background: the server can answer {@code initialize} at once, and the first tool
     * call waits for the corpus and index.
     */
    public static Supplier<Services> servicesInBackground(Path docsDir) {
        CompletableFuture<Services> loading = new CompletableFuture<>();
        Thread loader = new Thread(() -> {
            try {
                Services services = services(docsDir);
                // One search ahead of the client's first: it loads and links the search code while the client
                // is still shaking hands, so the first real answer comes sooner.
                if (!services.corpus().pages().isEmpty()) {
                    services.search().search("single sign-on setup", 3, null);
                }
                loading.complete(services);
            } catch (IOException | RuntimeException e) {
                log.error("Cannot load the documentation: {}", e.getMessage());
                loading.completeExceptionally(e);
            }
        }, "corpus-loader");
        loader.setDaemon(true);
        loader.start();
        return () -> {
            try {
                return loading.join();
            } catch (CompletionException e) {
                throw new CorpusUnavailableException("The documentation could not be loaded: "
                        + e.getCause().getMessage(), e.getCause());
            }
        };
    }

    /** What {@link #services} would serve, without loading it. */
    public static CorpusInfo describe(Path docsDir) throws IOException {
        if (docsDir != null) {
            return folderInfo(docsDir);
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
                        + "Serve content with --docs DIR (a folder in the .docs/organized layout), or rebuild with "
                        + "npm on the PATH.");
                return Corpus.empty(new CorpusInfo("none", "none", "none"));
            }
            corpus = embedded.get();
        }
        log.info("Serving {}: {} pages, {} changelogs, {} skipped files, loaded in {} ms",
                corpus.info().describe(), corpus.pages().size(), corpus.changelogs().size(),
                corpus.problems().size(), (System.nanoTime() - start) / 1_000_000);
        return corpus;
    }
}
