package com.workos.mcpdocs.cli;

import static com.workos.mcpdocs.cli.CliRun.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.workos.mcpdocs.McpTestServer;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A data directory damaged between syncs: the stored corpus checks itself and the commands say what is wrong. */
class DamagedDataDirectoryTest {

    @TempDir
    Path data;

    private String[] sync() {
        String[] result = run("--data-dir", data.toString(), "sync", "--from-dir",
                McpTestServer.fixtureDir().toString());
        assertThat(result[0]).as(result[2]).isEqualTo("0");
        return result;
    }

    private Path currentCorpus() throws Exception {
        return data.resolve("corpora").resolve(Files.readString(data.resolve("current")).strip());
    }

    private List<String> corpora() throws Exception {
        try (Stream<Path> list = Files.list(data.resolve("corpora"))) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aZeroFilledArchiveIsNotServedThePreviousCorpusIsAndDoctorSaysSo() throws Exception {
        sync();
        Path previous = currentCorpus();
        Thread.sleep(5); // the next corpus folder gets a later time stamp
        sync();
        Path zip = currentCorpus().resolve("content.zip");
        Files.write(zip, new byte[(int) Files.size(zip)]);

        String[] docs = run("--data-dir", data.toString(), "docs", "sso/redirect-uris");
        assertThat(docs[0]).isEqualTo("0");
        assertThat(docs[1]).contains("Redirect");

        String[] doctor = run("--data-dir", data.toString(), "doctor");
        assertThat(doctor[1]).contains("Synced:  DAMAGED:", "does not match the digest").contains("Problems found");
        assertThat(doctor[0]).isEqualTo("1");

        // The next sync compares with the good previous corpus and keeps it.
        sync();
        assertThat(corpora()).contains(previous.getFileName().toString());
    }

    @Test
    void aHugeCurrentFileIsNamedNotRead() throws Exception {
        sync();
        try (RandomAccessFile current = new RandomAccessFile(data.resolve("current").toFile(), "rw")) {
            current.setLength(3L << 30);
        }
        String[] doctor = run("--data-dir", data.toString(), "doctor");
        assertThat(doctor[1]).contains("too large to name a corpus");
        assertThat(doctor[0]).isEqualTo("1");
    }

    @Test
    void currentTurnedIntoAFolderStopsTheSyncBeforeItWritesAndSaysWhy() throws Exception {
        sync();
        List<String> before = corpora();
        Path current = data.resolve("current");
        Files.delete(current);
        Files.createDirectories(current.resolve("inside"));

        String[] result = run("--data-dir", data.toString(), "sync", "--from-dir",
                McpTestServer.fixtureDir().toString());
        assertThat(result[0]).isEqualTo("1");
        assertThat(result[2]).contains("should be a one-line file", "a folder", "remove it");
        assertThat(corpora()).isEqualTo(before);
    }

    @Test
    void aJunkFolderInCorporaIsNeitherServedNorKeptInstead() throws Exception {
        sync();
        Path junk = Files.createDirectories(data.resolve("corpora/zzz-junk"));
        Files.writeString(junk.resolve("notes.txt"), "mine");
        Thread.sleep(5);
        sync();
        Path previous = currentCorpus();
        Thread.sleep(5);
        sync();

        assertThat(corpora()).contains(previous.getFileName().toString(), "zzz-junk", currentCorpus().getFileName()
                .toString()).hasSize(3);
    }

    @Test
    void aDataDirectoryThatCannotBeWrittenIsNamedWithWhatToDo() throws Exception {
        // A read-only folder cannot be made for a privileged user; a file where the folder should be fails alike.
        Path notAFolder = data.resolve("file");
        Files.writeString(notAFolder, "x");
        String[] result = run("--data-dir", notAFolder.toString(), "sync", "--from-dir",
                McpTestServer.fixtureDir().toString());
        assertThat(result[0]).isEqualTo("1");
        assertThat(result[2]).contains("cannot write to the data directory " + notAFolder, "--data-dir")
                .doesNotContain("\tat ");
    }
}
