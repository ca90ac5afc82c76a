package com.workos.mcpdocs;

import static org.assertj.core.api.Assertions.assertThat;

import com.workos.mcpdocs.library.CorpusSync;
import com.workos.mcpdocs.library.DataDirectory;
import com.workos.mcpdocs.service.Services;
import com.workos.mcpdocs.source.NpmPackageFetcher;
import com.workos.mcpdocs.source.SyncProgress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReloadingServicesTest {

    @TempDir
    Path temp;

    private void sync(DataDirectory data, CorpusSync.Request request) throws Exception {
        new CorpusSync(data, new NpmPackageFetcher(temp.resolve("cache")), SyncProgress.NONE, Clock.systemUTC())
                .run(request);
    }

    /** Services over {@code data} that look at its pointer whenever {@code clock} passed the next check. */
    private static Supplier<Services> reloading(DataDirectory data, AtomicLong clock) throws Exception {
        return new ReloadingServices(data, App.of(null, data.root()).services(), App::synced, clock::get,
                ReloadingServices.CHECK_EVERY_NANOS);
    }

    @Test
    void aLongRunningServerPicksUpANewSyncWithoutARestart() throws Exception {
        DataDirectory data = new DataDirectory(temp.resolve("data"));
        sync(data, new CorpusSync.Request(null, McpTestServer.fixtureDir(), null, null, 10, 25));
        AtomicLong clock = new AtomicLong();
        Supplier<Services> services = reloading(data, clock);
        Services first = services.get();
        assertThat(first.corpus().page("sso/redirect-uris")).isPresent();
        clock.addAndGet(ReloadingServices.CHECK_EVERY_NANOS);
        assertThat(services.get()).as("no sync, no reload").isSameAs(first);

        Path monorepo = Path.of("src/test/resources/sync/monorepo").toAbsolutePath();
        sync(data, new CorpusSync.Request(null, null, monorepo, null, 10, 25));
        clock.addAndGet(ReloadingServices.CHECK_EVERY_NANOS - 1);
        assertThat(services.get()).as("within the check interval: the pointer is not looked at").isSameAs(first);

        clock.addAndGet(1);
        Services second = services.get();
        assertThat(second).isNotSameAs(first);
        assertThat(second.corpus().info().origin()).contains("monorepo");
        assertThat(second.corpus().page("authkit/sessions")).isPresent();
        assertThat(second.search().search("sealed session cookie", 3, null).toString()).contains("authkit/sessions");
        assertThat(services.get()).isSameAs(second);
    }

    @Test
    void aBrokenNewCorpusLeavesTheOldServicesServing() throws Exception {
        DataDirectory data = new DataDirectory(temp.resolve("data"));
        sync(data, new CorpusSync.Request(null, McpTestServer.fixtureDir(), null, null, 10, 25));
        AtomicLong clock = new AtomicLong();
        Supplier<Services> services = reloading(data, clock);
        Services first = services.get();
        Files.createDirectories(data.root().resolve("corpora/broken"));
        Files.writeString(data.root().resolve("corpora/broken/corpus.properties"), "version=9\n");
        Files.writeString(data.root().resolve("current"), "broken\n");
        clock.addAndGet(ReloadingServices.CHECK_EVERY_NANOS);
        assertThat(services.get()).isSameAs(first);
    }

    @Test
    void withDocsGivenTheCorpusIsFixed() throws Exception {
        DataDirectory data = new DataDirectory(temp.resolve("data"));
        Supplier<Services> services = App.of(McpTestServer.fixtureDir(), data.root()).liveServices();
        Services first = services.get();
        sync(data, new CorpusSync.Request(null, McpTestServer.fixtureDir(), null, null, 10, 25));
        assertThat(services.get()).isSameAs(first);
    }
}
