package com.workos.mcpdocs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.workos.mcpdocs.McpTestServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyncCommandTest {

    @TempDir
    Path data;

    /** Runs the command line, returning exit code, stdout and stderr. */
    private static String[] run(String... args) {
        PrintStream originalOut = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringWriter err = new StringWriter();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            var cli = Main.commandLine();
            cli.setErr(new PrintWriter(err, true));
            int code = cli.execute(args);
            return new String[] {String.valueOf(code), out.toString(StandardCharsets.UTF_8), err.toString()};
        } finally {
            System.setOut(originalOut);
        }
    }

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
        assertThat(result[2]).contains("error:", "no docs/ folder").doesNotContain("\tat ");
        assertThat(result[1]).isEmpty();
    }

    @Test
    void aSyncedCorpusIsServedWithTheIndexSavedBesideIt() {
        String[] sync = run("--data-dir", data.toString(), "sync", "--from-dir",
                McpTestServer.fixtureDir().toString());
        assertThat(sync[0]).isEqualTo("0");
        // Compared with the embedded corpus, the fixture's pages are all "removed": the sync writes aliases.json.
        assertThat(sync[1]).containsPattern("[1-9][0-9]* removed");

        String[] doctor = run("--data-dir", data.toString(), "doctor");
        assertThat(doctor[1]).contains("Index:   saved with the synced corpus").contains("All good");
        assertThat(doctor[0]).isEqualTo("0");
    }
}
