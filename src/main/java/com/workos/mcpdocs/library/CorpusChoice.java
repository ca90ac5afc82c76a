package com.workos.mcpdocs.library;

import com.workos.mcpdocs.corpus.Corpus;
import com.workos.mcpdocs.corpus.CorpusInfo;
import com.workos.mcpdocs.search.PrebuiltIndex;
import com.workos.mcpdocs.search.SearchIndex;
import com.workos.mcpdocs.source.ContentTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which corpus a run serves, decided once from the flags, the environment and the data directory: the folder given
 * with {@code --docs}, else the corpus {@code sync} made current in the data directory, else the one embedded in the
 * jar, else none (the server then says how to load one). Everything that needs to know reads this one value.
 *
 * @param kind   which of the four it is
 * @param folder the {@code --docs} folder ({@code null} unless {@link Kind#FOLDER})
 * @param data   the data directory (where a sync keeps corpora, whatever the kind)
 * @param info   what the choice serves, as known before loading it
 */
public record CorpusChoice(Kind kind, Path folder, DataDirectory data, CorpusInfo info) {

    private static final Logger log = LoggerFactory.getLogger(CorpusChoice.class);
    private static final CorpusInfo NONE = new CorpusInfo("none", "none", "none");

    /** Where the corpus comes from. */
    public enum Kind {
        FOLDER, SYNCED, EMBEDDED, NONE
    }

    /**
     * The choice for {@code --docs} ({@code null} when not given) and {@code data}.
     *
     * @throws IOException when {@code docs} is given but is not a folder (with what to pass instead)
     */
    public static CorpusChoice decide(Path docs, DataDirectory data) throws IOException {
        if (docs != null) {
            if (!Files.isDirectory(docs)) {
                throw new IOException("--docs " + docs + " is not a folder. Pass a folder in the .docs/organized "
                        + "layout (it holds docs/ with .mdx pages and optionally changelogs/ and examples/).");
            }
            return new CorpusChoice(Kind.FOLDER, docs, data,
                    new CorpusInfo("folder " + docs.toAbsolutePath().normalize(), "unknown", "unknown"));
        }
        try {
            Optional<CorpusInfo> synced = StoredCorpus.currentInfo(data);
            if (synced.isPresent()) {
                return new CorpusChoice(Kind.SYNCED, null, data, synced.get());
            }
        } catch (IOException | RuntimeException e) {
            log.warn("The synced corpus in {} cannot be read ({}); serving the embedded one. Run sync again to "
                    + "repair it.", data.root(), e.getMessage());
        }
        return embedded(data);
    }

    private static CorpusChoice embedded(DataDirectory data) throws IOException {
        Optional<CorpusInfo> embedded = EmbeddedCorpus.info();
        return embedded.isPresent() ? new CorpusChoice(Kind.EMBEDDED, null, data, embedded.get())
                : new CorpusChoice(Kind.NONE, null, data, NONE);
    }

    /** Whether a later {@code sync} can change what a running server serves (all but a {@code --docs} folder). */
    public boolean followsSyncs() {
        return kind != Kind.FOLDER;
    }

    /**
     * Loads the chosen corpus and opens its search index (or builds it, when no prebuilt one matches). A synced
     * corpus that cannot be read gives way to the embedded one, with a warning.
     *
     * @throws IOException when the {@code --docs} folder cannot be read
     */
    public IndexedCorpus load() throws IOException {
        long start = System.nanoTime();
        IndexedCorpus loaded = switch (kind) {
            case FOLDER -> {
                ContentTree tree = ContentTree.fromDirectory(folder);
                if (tree.under("docs/").isEmpty()) {
                    log.warn("{} has no docs/ folder: no pages will be served", folder);
                }
                yield IndexedCorpus.of(CorpusLoader.load(tree, info));
            }
            case SYNCED -> {
                Optional<IndexedCorpus> synced = loadSynced(data);
                yield synced.isPresent() ? synced.get() : embedded(data).load();
            }
            case EMBEDDED -> IndexedCorpus.of(EmbeddedCorpus.load().orElseThrow(() -> new IOException(
                    "the jar's embedded corpus disappeared while the server started")));
            case NONE -> {
                log.warn("This jar was built without an embedded corpus (npm was not available at build time). "
                        + "Serve content with --docs DIR (a folder in the .docs/organized layout), run "
                        + "'sync --npm', or rebuild with npm on the PATH.");
                yield IndexedCorpus.of(Corpus.empty(NONE));
            }
        };
        Corpus corpus = loaded.corpus();
        log.info("Serving {}: {} pages, {} changelogs, {} skipped files, loaded in {} ms",
                corpus.info().describe(), corpus.pages().size(), corpus.changelogs().size(),
                corpus.problems().size(), (System.nanoTime() - start) / 1_000_000);
        return loaded;
    }

    /**
     * The data directory's current corpus with the index its sync wrote, when a sync made one and it can be read
     * (a corpus that cannot be read is reported and left out).
     */
    public static Optional<IndexedCorpus> loadSynced(DataDirectory data) {
        try {
            Optional<StoredCorpus> stored = StoredCorpus.current(data);
            if (stored.isEmpty()) {
                return Optional.empty();
            }
            Corpus corpus = CorpusLoader.load(stored.get().tree(), stored.get().info());
            return Optional.of(new IndexedCorpus(corpus, PrebuiltIndex.openOrBuild(corpus, stored.get().indexDir())));
        } catch (IOException | RuntimeException e) {
            log.warn("The synced corpus in {} cannot be read ({}); serving the embedded one. Run sync again to "
                    + "repair it.", data.root(), e.getMessage());
            return Optional.empty();
        }
    }

    /** A corpus with its search index. */
    public record IndexedCorpus(Corpus corpus, SearchIndex index) {

        /** {@code corpus} with the index embedded in the jar when it was made for it, else one built now. */
        public static IndexedCorpus of(Corpus corpus) {
            return new IndexedCorpus(corpus, PrebuiltIndex.openOrBuild(corpus));
        }
    }
}
