package com.workos.mcpdocs.cli;

import com.workos.mcpdocs.library.CorpusSync;
import com.workos.mcpdocs.source.NpmPackageFetcher;
import com.workos.mcpdocs.source.SyncProgress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code sync}: refresh the corpus in the data directory from one source, atomically. */
@Command(name = "sync", mixinStandardHelpOptions = true,
        description = {"Refresh the docs corpus in the data directory, index it, and switch to it atomically: "
                + "a failed or interrupted sync leaves the previous corpus serving.",
                "Pages whose path changed since the previous corpus keep answering under their old path."},
        footer = {"", "Examples:",
                "  sync --npm                          the latest published @workos/mcp-docs-server",
                "  sync --npm 0.2.0",
                "  sync --from-dir ./package                 an unpacked npm package",
                "  sync --from-monorepo ~/src/workos-docs --rss ./changelog.xml"})
final class SyncCommand implements Callable<Integer> {

    @CommandLine.ParentCommand
    Main parent;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--npm", arity = "0..1", fallbackValue = "latest", paramLabel = "VERSION|latest",
            description = "The published package, fetched with your npm (its registry settings apply).")
    String npm;

    @Option(names = "--from-dir", paramLabel = "DIR", description = "A folder in the .docs/organized layout, or "
            + "an unpacked npm package (its package/ folder).")
    Path fromDir;

    @Option(names = "--from-monorepo", paramLabel = "DIR",
            description = "A docs monorepo checkout (packages/docs/content, examples/, packages/*/CHANGELOG.md).")
    Path fromMonorepo;

    @Option(names = "--rss", paramLabel = "FILE|URL",
            description = "The platform changelog RSS 2.0 feed, merged into package workos-platform (newest "
                    + "entries kept). Alone, it updates only the changelog of the corpus served now.")
    String rss;

    @Option(names = "--keep-releases", defaultValue = "10", paramLabel = "N",
            description = "Releases kept per CHANGELOG.md (default ${DEFAULT-VALUE}).")
    int keepReleases;

    @Option(names = "--keep-feed-items", defaultValue = "25", paramLabel = "N",
            description = "Feed items kept (default ${DEFAULT-VALUE}).")
    int keepFeedItems;

    @Override
    public Integer call() throws Exception {
        CorpusSync.Request request;
        try {
            request = new CorpusSync.Request(npm, fromDir, fromMonorepo, rss, keepReleases, keepFeedItems);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        Path cache = Path.of(System.getProperty("user.home"), ".cache", "workos-mcp-docs-server");
        CorpusSync sync = new CorpusSync(parent.data(), new NpmPackageFetcher(cache),
                SyncProgress.forConsole(System.err), Clock.systemUTC());
        System.out.println(sync.run(request).summary());
        return 0;
    }
}
