package com.workos.mcpdocs.library;

import com.workos.mcpdocs.source.NpmPackageFetcher;
import com.workos.mcpdocs.source.SyncFixtures;
import com.workos.mcpdocs.source.SyncProgress;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.workos.mcpdocs.App;
import com.workos.mcpdocs.McpTestServer;
import com.workos.mcpdocs.corpus.Corpus;
import com.workos.mcpdocs.service.Services;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusSyncTest {

    @TempDir
    Path temp;

    private DataDirectory data() {
        return new DataDirectory(temp.resolve("data"));
    }

    private CorpusSync sync(SyncProgress progress) {
        // No embedded corpus to compare with: these tests are about the data directory alone.
        return new CorpusSync(data(), new NpmPackageFetcher(temp.resolve("cache")), progress,
                Clock.fixed(Instant.parse("2026-03-04T05:06:07Z"), ZoneOffset.UTC), Optional::empty);
    }

    private static CorpusSync.Request fromDir(Path dir) {
        return new CorpusSync.Request(null, dir, null, null, 10, 25);
    }

    @Test
    void fromDirWritesACompleteCorpusWithItsIndexAndPointsCurrentAtIt() throws Exception {
        CorpusSync.Result result = sync(SyncProgress.NONE).run(fromDir(McpTestServer.fixtureDir()));

        assertThat(result.pages()).isGreaterThan(5);
        assertThat(result.info().date()).isEqualTo("2026-03-04");
        assertThat(result.summary()).contains("pages", "changelogs", "example groups", " s (");
        assertThat(data().current()).contains(result.dir());
        assertThat(result.dir().resolve("index/index.properties")).isRegularFile();

        Services services = App.of(null, data().root()).services();
        assertThat(services.corpus().info().origin()).startsWith("synced folder ");
        assertThat(services.corpus().pages()).hasSize(result.pages());
        assertThat(services.docs().read("")).contains("synced folder", "2026-03-04");
        assertThat(services.search().search("redirect uri", 3, null).toString()).contains("sso/redirect-uris");
    }

    @Test
    void aFolderWithoutDocsIsRefusedAndNothingChanges() throws Exception {
        Files.createDirectories(temp.resolve("empty"));
        assertThatThrownBy(() -> sync(SyncProgress.NONE).run(fromDir(temp.resolve("empty"))))
                .isInstanceOf(IOException.class).hasMessageContaining("no docs/ folder");
        assertThat(data().current()).isEmpty();
    }

    @Test
    void aSyncThatFailsAtAnyStepLeavesThePreviousCorpusServingAndIntact() throws Exception {
        Path first = sync(SyncProgress.NONE).run(fromDir(McpTestServer.fixtureDir())).dir();
        Corpus before = load(first);

        for (int failAt = 1; failAt <= 6; failAt++) {
            int step = failAt;
            SyncProgress failing = (n, of, what) -> {
                if (n == step) {
                    throw new IllegalStateException("forced failure at step " + n + " (" + what + ")");
                }
            };
            assertThatThrownBy(() -> sync(failing).run(new CorpusSync.Request(null, null,
                    SyncFixtures.monorepo(), null, 10, 25))).hasMessageContaining("forced failure");
            assertThat(data().current()).as("after a failure at step %d", step).contains(first);
            assertThat(load(first).pagesByPath().keySet()).isEqualTo(before.pagesByPath().keySet());
        }
        assertThat(App.of(null, data().root()).services().corpus().pagesByPath().keySet())
                .isEqualTo(before.pagesByPath().keySet());
    }

    @Test
    void leftoversOfAKilledSyncAreIgnoredAndCleanedByTheNextOne() throws Exception {
        Path first = sync(SyncProgress.NONE).run(fromDir(McpTestServer.fixtureDir())).dir();
        // What kill -9 leaves: a half-written corpus folder and a half-written pointer next to the real one.
        Path corpora = data().root().resolve("corpora");
        Path partial = Files.createDirectories(corpora.resolve(".partial-20990101T000000000Z-9.9.9/index"));
        Files.writeString(partial.resolve("half"), "x");
        Files.writeString(data().root().resolve("current.tmp"), "20990101T000000000Z-9.9");

        assertThat(data().current()).contains(first);
        assertThat(App.of(null, data().root()).services().corpus().info().origin()).startsWith("synced folder ");

        Path second = sync(SyncProgress.NONE).run(new CorpusSync.Request(null, null, SyncFixtures.monorepo(),
                null, 10, 25)).dir();
        assertThat(data().current()).contains(second);
        try (Stream<Path> left = Files.list(corpora)) {
            assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".partial-"));
        }
    }

    @Test
    void aPointerToAMissingOrUnfinishedFolderIsNotServed() throws Exception {
        Files.createDirectories(data().root().resolve("corpora/unfinished"));
        Files.writeString(data().root().resolve("current"), "unfinished\n");
        assertThat(data().current()).isEmpty();
        Files.writeString(data().root().resolve("current"), "../../etc\n");
        assertThat(data().current()).isEmpty();
    }

    @Test
    void monorepoWithFeedMakesPagesExamplesAndChangelogsFromBoth() throws Exception {
        CorpusSync.Result result = sync(SyncProgress.NONE).run(new CorpusSync.Request(null, null,
                SyncFixtures.monorepo(), SyncFixtures.feed("feed.xml").toString(), 2, 3));
        assertThat(result.pages()).isEqualTo(4);
        assertThat(result.examples()).isEqualTo(2);
        Corpus corpus = load(result.dir());
        assertThat(corpus.changelogs().keySet()).containsExactly("@workos-inc/authkit-js", "node", "workos-platform");
        assertThat(corpus.changelogs().get("workos-platform")).hasSize(3);
        assertThat(corpus.changelogs().get("@workos-inc/authkit-js")).hasSize(2);
    }

    @Test
    void aFeedAloneReplacesOnlyTheFeedOfTheCurrentCorpus() throws Exception {
        Path first = sync(SyncProgress.NONE).run(fromDir(McpTestServer.fixtureDir())).dir();
        CorpusSync.Result result = sync(SyncProgress.NONE).run(new CorpusSync.Request(null, null, null,
                SyncFixtures.feed("feed.xml").toString(), 10, 25));
        Corpus corpus = load(result.dir());
        assertThat(corpus.pagesByPath().keySet()).isEqualTo(load(first).pagesByPath().keySet());
        assertThat(corpus.changelogs().get("workos-platform")).extracting(e -> e.source()).containsOnly("rss");
        assertThat(corpus.changelogs()).containsKey("authkit-js");
    }

    @Test
    void aMalformedFeedFailsTheSyncBeforeAnythingIsWritten() throws Exception {
        assertThatThrownBy(() -> sync(SyncProgress.NONE).run(new CorpusSync.Request(null, McpTestServer.fixtureDir(),
                null, SyncFixtures.feed("feed-malformed.xml").toString(), 10, 25)))
                .isInstanceOf(IOException.class).hasMessageContaining("not well-formed");
        assertThat(data().current()).isEmpty();
    }

    @Test
    void aSecondSyncWhileOneRunsIsRefusedWithoutTouchingIt() throws Exception {
        Path first = sync(SyncProgress.NONE).run(fromDir(McpTestServer.fixtureDir())).dir();
        SyncProgress nested = (n, of, what) -> {
            if (n == 2) {
                assertThatThrownBy(() -> sync(SyncProgress.NONE).run(fromDir(McpTestServer.fixtureDir())))
                        .isInstanceOf(IOException.class).hasMessageContaining("another sync is running");
            }
        };
        Path second = sync(nested).run(new CorpusSync.Request(null, null, SyncFixtures.monorepo(), null, 10, 25))
                .dir();
        assertThat(second).isNotEqualTo(first);
        assertThat(data().current()).contains(second);
    }

    @Test
    void aRequestNeedsExactlyOneSource() {
        assertThatThrownBy(() -> new CorpusSync.Request("latest", temp, null, null, 10, 25))
                .hasMessageContaining("choose one source");
        assertThatThrownBy(() -> new CorpusSync.Request(null, null, null, null, 10, 25))
                .hasMessageContaining("nothing to sync");
    }

    @Test
    void oldCorporaArePrunedKeepingTheCurrentAndOnePrevious() throws Exception {
        for (int i = 0; i < 4; i++) {
            sync(SyncProgress.NONE).run(fromDir(McpTestServer.fixtureDir()));
        }
        try (Stream<Path> kept = Files.list(data().root().resolve("corpora"))) {
            assertThat(kept).hasSize(2);
        }
    }

    private static Corpus load(Path corpusDir) throws IOException {
        StoredCorpus stored = StoredCorpus.open(corpusDir);
        return CorpusLoader.load(stored.tree(), stored.info());
    }
}
