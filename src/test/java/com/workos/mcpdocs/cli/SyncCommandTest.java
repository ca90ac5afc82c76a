package com.workos.mcpdocs.cli;

import static com.workos.mcpdocs.cli.CliRun.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.workos.mcpdocs.McpTestServer;
import com.workos.mcpdocs.TestFiles;
import com.workos.mcpdocs.RealCorpus;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyncCommandTest {

    @TempDir
    Path data;

    @Test
    void syncPrintsASummaryAndLaterCommandsServeTheSyncedCorpus() {
        String[] sync = run("--data-dir", data.toString(), "sync", "--from-dir",
                McpTestServer.fixtureDir().toString());
        assertThat(sync[0]).isEqualTo("0");
        assertThat(sync[1]).startsWith("Synced folder ").contains("pages", "changelogs", "example groups");

        String[] docs = run("--data-dir", data.toString(), "docs");
        assertThat(docs[0]).isEqualTo("0");
        assertThat(docs[1]).contains("Corpus: synced folder ");
    }

    @Test
    void syncWithoutASourceSaysWhichOptionsExist() {
        String[] result = run("--data-dir", data.toString(), "sync");
        assertThat(result[0]).isEqualTo("2");
        assertThat(result[2]).contains("nothing to sync", "--npm", "--from-dir", "--from-monorepo", "--rss");
    }

    @Test
    void twoSourcesAtOnceAreRefused() {
        String[] result = run("--data-dir", data.toString(), "sync", "--from-dir", "a", "--from-monorepo", "b");
        assertThat(result[0]).isEqualTo("2");
        assertThat(result[2]).contains("choose one source");
    }

    @Test
    void aFailedSyncSaysWhyWithoutAStackTrace() {
        String[] result = run("--data-dir", data.toString(), "sync", "--from-dir", data.resolve("missing").toString());
        assertThat(result[0]).isEqualTo("1");
        assertThat(result[2]).contains("error:", "does not exist").doesNotContain("no docs/ folder")
                .doesNotContain("\tat ");
        assertThat(result[1]).isEmpty();
    }

    @Test
    void aSyncedCorpusIsServedWithTheIndexSavedBesideIt() throws Exception {
        // The moved-paths table (aliases.json) that once spoiled the saved index's fingerprint is written only when
        // there is a corpus to compare with: the embedded one.
        RealCorpus.assumePresent();
        String[] sync = run("--data-dir", data.toString(), "sync", "--from-dir",
                McpTestServer.fixtureDir().toString());
        assertThat(sync[0]).isEqualTo("0");
        // Compared with the embedded corpus, the fixture's pages are all "removed": the sync writes aliases.json.
        assertThat(sync[1]).containsPattern("[1-9][0-9]* removed");

        String[] doctor = run("--data-dir", data.toString(), "doctor");
        assertThat(doctor[1]).contains("Index:   saved with the synced corpus").contains("All good");
        assertThat(doctor[0]).isEqualTo("0");
    }

    @Test
    void theUnpackedNpmPackageOrTheFolderItWasUnpackedInIsAccepted() throws Exception {
        Path unpacked = data.resolve("unpacked");
        TestFiles.copyTree(McpTestServer.fixtureDir(), unpacked.resolve("package/.docs/organized"));
        java.nio.file.Files.writeString(unpacked.resolve("package/package.json"), "{\"version\": \"9.8.7\"}");
        for (Path dir : new Path[] {unpacked.resolve("package"), unpacked}) {
            String[] sync = run("--data-dir", data.resolve("store").toString(), "sync", "--from-dir", dir.toString());
            assertThat(sync[0]).as(sync[2]).isEqualTo("0");
            assertThat(sync[1]).contains("(version 9.8.7)");
        }
        String[] file = run("--data-dir", data.toString(), "sync", "--from-dir",
                unpacked.resolve("package/package.json").toString());
        assertThat(file[2]).contains("is not a folder");
    }

    @Test
    void aFeedAloneMergesIntoTheChangelogAndKeepsDatesWithAWrongWeekday() throws Exception {
        String store = data.resolve("store").toString();
        assertThat(run("--data-dir", store, "sync", "--from-dir", McpTestServer.fixtureDir().toString())[0])
                .isEqualTo("0");
        // 2026-03-02 is a Monday: the feed says Tuesday
        Path feed = java.nio.file.Files.writeString(data.resolve("feed.xml"), """
                <?xml version="1.0"?>
                <rss version="2.0"><channel><title>Changelog</title>
                <item><title>Newest Feature</title><link>https://workos.com/changelog/newest</link>
                <guid>newest</guid><pubDate>Tue, 02 Mar 2026 10:00:00 GMT</pubDate>
                <description>&lt;p&gt;A new thing.&lt;/p&gt;</description></item>
                <item><title>Fine-Grained Authorization</title><link>https://workos.com/changelog/fga</link>
                <pubDate>Tue, 17 Feb 2026 10:00:00 GMT</pubDate><description>FGA, updated.</description></item>
                </channel></rss>
                """);
        String[] sync = run("--data-dir", store, "sync", "--rss", feed.toString());
        assertThat(sync[0]).as(sync[2]).isEqualTo("0");
        assertThat(sync[1]).startsWith("Synced the feed " + feed + " into the corpus from folder ");
        String[] changelog = run("--data-dir", store, "changelog", "workos-platform", "--limit", "10");
        assertThat(changelog[1]).contains("4 entries.").contains("## Newest Feature (2026-03-02)")
                .contains("FGA, updated.").doesNotContain("FGA is here.")
                .contains("## Middle Feature (2025-08-01)").contains("## Older Feature (2025-01-10)");
        assertThat(changelog[1].indexOf("Newest Feature")).isLessThan(changelog[1].indexOf("Middle Feature"));
    }
}
