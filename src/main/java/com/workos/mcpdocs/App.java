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

    public static Corpus loadCorpus(Path docsDir) throws IOException {
        long start = System.nanoTime();
        Corpus corpus;
        if (docsDir != null) {
            if (!Files.isDirectory(docsDir)) {
                throw new IOException("--docs " + docsDir + " is not a folder. Pass a folder in the .docs/organized "
                        + "layout (it holds docs/ with .mdx pages and optionally changelogs/ and examples/).");
            }
            ContentTree tree = ContentTree.fromDirectory(docsDir);
            if (tree.under("docs/").isEmpty()) {
                log.warn("{} has no docs/ folder: no pages will be served", docsDir);
            }
            corpus = CorpusLoader.load(tree, new CorpusInfo("folder " + docsDir.toAbsolutePath().normalize(),
                    "unknown", "unknown"));
        } else {
            Optional<EmbeddedCorpus.Loaded> embedded = EmbeddedCorpus.open();
            if (embedded.isEmpty()) {
                log.warn("This jar was built without an embedded corpus (npm was not available at build time). "
                        + "Serve content with --docs DIR (a folder in the .docs/organized layout), or rebuild with "
                        + "npm on the PATH.");
                return Corpus.empty(new CorpusInfo("none", "none", "none"));
            }
            corpus = CorpusLoader.load(embedded.get().tree(), embedded.get().info());
        }
        log.info("Serving {}: {} pages, {} changelogs, {} skipped files, loaded in {} ms",
                corpus.info().describe(), corpus.pages().size(), corpus.changelogs().size(),
                corpus.problems().size(), (System.nanoTime() - start) / 1_000_000);
        return corpus;
    }
}
