package com.workos.mcpdocs.library;

import com.workos.mcpdocs.corpus.AliasBuilder;
import com.workos.mcpdocs.corpus.Corpus;
import com.workos.mcpdocs.corpus.CorpusInfo;
import com.workos.mcpdocs.corpus.PathAliases;
import com.workos.mcpdocs.search.PrebuiltIndex;
import com.workos.mcpdocs.source.ContentTree;
import com.workos.mcpdocs.source.FeedFetcher;
import com.workos.mcpdocs.source.MonorepoSource;
import com.workos.mcpdocs.source.NpmPackageFetcher;
import com.workos.mcpdocs.source.RssFeed;
import com.workos.mcpdocs.source.SyncProgress;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refreshes the corpus in a {@link DataDirectory}: reads the chosen source, adds the RSS feed if given, builds the
 * alias table against the corpus served until now, writes content and search index into a new folder and swaps it
 * in atomically. Until the swap, the previous corpus keeps serving untouched.
 */
public final class CorpusSync {

    private static final Logger log = LoggerFactory.getLogger(CorpusSync.class);
    private static final Pattern TARBALL_VERSION = Pattern.compile("-(\\d+\\.\\d+\\.\\d+[0-9A-Za-z.\\-+]*)\\.tgz$");
    private static final Pattern PACKAGE_VERSION = Pattern.compile("\"version\"\\s*:\\s*\"([^\"]+)\"");
    private static final DateTimeFormatter FOLDER_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final int STEPS = 6;

    /** The published package a plain {@code --npm} syncs. */
    public static final String NPM_PACKAGE = "@workos/mcp-docs-server";

    /**
     * What to sync. Exactly one of {@code npmVersion}, {@code fromDir}, {@code fromMonorepo} may be set; with none,
     * the content served now is kept and only the feed is replaced.
     *
     * @param npmVersion     a version or {@code latest}
     * @param rss            a feed file or URL, or {@code null}
     * @param keepReleases   releases kept per CHANGELOG.md
     * @param keepFeedItems  feed items kept
     */
    public record Request(String npmVersion, Path fromDir, Path fromMonorepo, String rss, int keepReleases,
                          int keepFeedItems) {
        public Request {
            int sources = (npmVersion != null ? 1 : 0) + (fromDir != null ? 1 : 0) + (fromMonorepo != null ? 1 : 0);
            if (sources > 1) {
                throw new IllegalArgumentException("choose one source: --npm, --from-dir or --from-monorepo "
                        + "(--rss can go with any of them)");
            }
            if (sources == 0 && rss == null) {
                throw new IllegalArgumentException("nothing to sync: pass --npm [VERSION], --from-dir DIR, "
                        + "--from-monorepo DIR or --rss FILE|URL");
            }
            if (keepReleases < 1 || keepFeedItems < 1) {
                throw new IllegalArgumentException("--keep-releases and --keep-feed-items must be at least 1");
            }
        }
    }

    /**
     * What a sync made.
     *
     * @param from    what was synced, as the summary names it (the source, and the feed when one was given)
     * @param skipped the files that could not be read
     */
    public record Result(Path dir, String from, CorpusInfo info, int pages, int changelogs, int examples, int moved,
                         int removed, long millis, java.util.List<com.workos.mcpdocs.corpus.LoadProblem> skipped) {
        /** The summary printed at the end: one line, then one line per skipped file. */
        public String summary() {
            StringBuilder out = new StringBuilder(String.format("Synced %s (version %s): %d pages, %d changelogs, "
                            + "%d example groups, %d moved and %d removed paths known, in %.1f s (%s)", from,
                    info.version(), pages, changelogs, examples, moved, removed, millis / 1000.0, dir));
            if (!skipped.isEmpty()) {
                out.append(String.format("%n%d files skipped:", skipped.size()));
                skipped.forEach(p -> out.append(String.format("%n  %s: %s", p.file(), p.reason())));
            }
            return out.toString();
        }
    }

    private final DataDirectory data;
    private final NpmPackageFetcher npm;
    private final SyncProgress progress;
    private final Clock clock;

    private final Supplier<Optional<Corpus>> embedded;

    public CorpusSync(DataDirectory data, NpmPackageFetcher npm, SyncProgress progress, Clock clock) {
        this(data, npm, progress, clock, CorpusSync::embeddedCorpus);
    }

    /**
     * @param embedded the corpus compared with when the data directory has none yet (the jar's own, normally)
     */
    CorpusSync(DataDirectory data, NpmPackageFetcher npm, SyncProgress progress, Clock clock,
               Supplier<Optional<Corpus>> embedded) {
        this.data = data;
        this.npm = npm;
        this.progress = progress;
        this.clock = clock;
        this.embedded = embedded;
    }

    private static Optional<Corpus> embeddedCorpus() {
        try {
            return EmbeddedCorpus.open().map(e -> CorpusLoader.load(e.tree(), e.info()));
        } catch (IOException | RuntimeException e) {
            log.warn("Cannot read the embedded corpus to find moved pages ({}); old paths will not answer",
                    e.getMessage());
            return Optional.empty();
        }
    }

    public Result run(Request request) throws IOException {
        java.nio.channels.FileLock lock = data.lock();
        try (var channel = lock.channel(); lock) {
            return runLocked(request);
        }
    }

    private Result runLocked(Request request) throws IOException {
        long start = System.nanoTime();
        progress.step(1, STEPS, "reading the source");
        Source source = read(request);
        Map<String, byte[]> files = new HashMap<>(source.tree().files());
        if (request.rss() != null) {
            List<RssFeed.Item> items = RssFeed.parse(FeedFetcher.read(request.rss()), request.keepFeedItems());
            String changelog = "changelogs/" + RssFeed.PACKAGE + ".json";
            files.put(changelog, RssFeed.mergeIntoChangelog(files.get(changelog), items, request.keepFeedItems()));
        }
        progress.step(2, STEPS, "loading pages");
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        CorpusInfo info = new CorpusInfo(source.origin(), source.version(), today.toString());
        files.remove(PathAliases.FILE); // rebuilt below against what was served until now
        Corpus fresh = CorpusLoader.load(new ContentTree(source.origin(), files, source.tree().skipped()), info);
        if (fresh.pages().isEmpty()) {
            throw new IOException(source.origin() + " has no docs pages (docs/**/*.mdx); nothing was changed. "
                    + "Check the folder or package.");
        }

        // Finding moved pages needs the previous corpus loaded; it runs beside the indexing, which takes longest.
        CompletableFuture<PathAliases> aliasesLater = CompletableFuture.supplyAsync(() -> previous()
                .map(prev -> AliasBuilder.build(prev, fresh, prev.info().version()))
                .orElse(source.aliases()));
        String name = FOLDER_STAMP.format(clock.instant()) + "-" + source.version().replaceAll("[^0-9A-Za-z.\\-]", "_");
        Path partial = data.beginPartial(name);
        progress.step(3, STEPS, "indexing " + fresh.pages().size() + " pages");
        PrebuiltIndex.write(fresh, partial.resolve(DataDirectory.INDEX));

        progress.step(4, STEPS, "comparing with the previous corpus");
        PathAliases aliases = join(aliasesLater);
        if (!aliases.isEmpty()) {
            files.put(PathAliases.FILE, aliases.toJson());
        }

        progress.step(5, STEPS, "writing the corpus");
        DataDirectory.writeContent(partial.resolve(DataDirectory.CONTENT_ZIP), files);
        Properties props = new Properties();
        props.setProperty("origin", source.origin());
        props.setProperty("version", source.version());
        props.setProperty("date", today.toString());
        // The properties file is the corpus's manifest (with the digests its files are checked against when it is
        // opened) and marks the folder complete, so it is written last.
        StoredCorpus.addDigests(partial, props);
        try (OutputStream out = Files.newOutputStream(partial.resolve(DataDirectory.PROPERTIES))) {
            props.store(out, "corpus synced by workos-mcp-docs-server");
        }

        progress.step(6, STEPS, "switching to the new corpus");
        Path dir = data.commit(partial);
        boolean feedOnly = request.npmVersion() == null && request.fromDir() == null && request.fromMonorepo() == null;
        String from = feedOnly ? "the feed " + request.rss() + " into the corpus from " + source.origin()
                : source.origin() + (request.rss() == null ? "" : " with the feed " + request.rss());
        return new Result(dir, from, new CorpusInfo(source.origin(), source.version(), today.toString()),
                fresh.pages().size(), fresh.changelogs().size(), fresh.examples().size(), aliases.moved().size(),
                aliases.removed().size(), (System.nanoTime() - start) / 1_000_000, fresh.problems());
    }

    private static PathAliases join(CompletableFuture<PathAliases> future) throws IOException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while comparing with the previous corpus", e);
        } catch (ExecutionException e) {
            throw new IOException("comparing with the previous corpus failed: " + e.getCause().getMessage(),
                    e.getCause());
        }
    }

    /** Content read from a source, with the aliases it already carries (an npm package or folder may ship some). */
    private record Source(ContentTree tree, String origin, String version, PathAliases aliases) {
        Source(ContentTree tree, String origin, String version) {
            this(tree, origin, version, aliasesOf(tree));
        }
    }

    private Source read(Request request) throws IOException {
        if (request.npmVersion() != null) {
            String version = request.npmVersion().isBlank() ? "latest" : request.npmVersion();
            Path tarball = npm.fetch(NPM_PACKAGE, version, null);
            Matcher m = TARBALL_VERSION.matcher(tarball.getFileName().toString());
            String actual = m.find() ? m.group(1) : version;
            try (var in = Files.newInputStream(tarball)) {
                return new Source(ContentTree.fromNpmTarball(NPM_PACKAGE + "@" + actual, in),
                        NPM_PACKAGE + "@" + actual, actual);
            }
        }
        if (request.fromDir() != null) {
            Path dir = organizedFolder(request.fromDir().toAbsolutePath().normalize());
            return new Source(ContentTree.fromDirectory(dir), "folder " + dir, folderVersion(dir));
        }
        if (request.fromMonorepo() != null) {
            Path root = request.fromMonorepo().toAbsolutePath().normalize();
            return new Source(MonorepoSource.read(root, request.keepReleases()), "monorepo " + root,
                    Optional.ofNullable(versionIn(root.resolve("packages/docs/package.json"))).orElse("unknown"));
        }
        // Only a feed: keep serving today's pages with the new feed.
        StoredCorpus current = StoredCorpus.current(data).orElse(null);
        if (current != null) {
            return new Source(current.tree(), current.info().origin().replaceFirst("^synced ", ""),
                    current.info().version());
        }
        EmbeddedCorpus.Loaded embedded = EmbeddedCorpus.open().orElseThrow(() -> new IOException(
                "--rss alone updates the corpus served now, but there is none: sync pages first (--npm or "
                        + "--from-dir)"));
        return new Source(embedded.tree(), embedded.info().origin(), embedded.info().version());
    }

    /** The corpus served until now (the current synced one, else the embedded one), to find moved pages. */
    private Optional<Corpus> previous() {
        try {
            Optional<StoredCorpus> stored = StoredCorpus.current(data);
            if (stored.isPresent()) {
                return Optional.of(CorpusLoader.load(stored.get().tree(), stored.get().info()));
            }
        } catch (IOException | RuntimeException e) {
            log.warn("Cannot read the current synced corpus ({}); comparing with the embedded one instead",
                    e.getMessage());
        }
        return embedded.get();
    }

    /**
     * The folder in the {@code .docs/organized} layout that {@code dir} is or holds: the layout itself, an unpacked
     * npm package ({@code package/}, which holds it under {@code .docs/organized}) or the folder it was unpacked in.
     */
    static Path organizedFolder(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            throw new IOException("--from-dir " + dir + " does not exist. Pass a folder in the .docs/organized "
                    + "layout, or the unpacked npm package's folder.");
        }
        if (!Files.isDirectory(dir)) {
            throw new IOException("--from-dir " + dir + " is not a folder. Pass a folder in the .docs/organized "
                    + "layout, or the unpacked npm package's folder.");
        }
        for (Path candidate : List.of(dir, dir.resolve(".docs/organized"), dir.resolve("package/.docs/organized"))) {
            if (Files.isDirectory(candidate.resolve("docs"))) {
                return candidate;
            }
        }
        throw new IOException("--from-dir " + dir + " has no docs/ folder (nor .docs/organized/docs/). Pass a "
                + "folder in the .docs/organized layout (docs/ with .mdx pages, optionally changelogs/ and "
                + "examples/), or the unpacked npm package's folder.");
    }

    /** The npm package version when the folder is an unpacked package's {@code .docs/organized}. */
    private static String folderVersion(Path dir) {
        Path parent = dir.getParent();
        Path manifest = parent == null || parent.getParent() == null ? null
                : parent.getParent().resolve("package.json");
        String version = manifest == null ? null : versionIn(manifest);
        return version == null ? "unknown" : version;
    }

    private static String versionIn(Path manifest) {
        try {
            if (!Files.isRegularFile(manifest)) {
                return null;
            }
            Matcher m = PACKAGE_VERSION.matcher(Files.readString(manifest, StandardCharsets.UTF_8));
            return m.find() ? m.group(1) : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static PathAliases aliasesOf(ContentTree tree) {
        byte[] bytes = tree.files().get(PathAliases.FILE);
        try {
            return bytes == null ? PathAliases.none() : PathAliases.fromJson(new String(bytes, StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            return PathAliases.none();
        }
    }
}
