package com.workos.mcpdocs.library;

import com.workos.mcpdocs.library.CorpusSync;
import com.workos.mcpdocs.library.DataDirectory;
import com.workos.mcpdocs.source.NpmPackageFetcher;
import com.workos.mcpdocs.source.SyncProgress;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.workos.mcpdocs.McpTestServer;
import com.workos.mcpdocs.TestFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sync --npm} through a stand-in for the npm command: a script that "packs" a tarball made from the fixture
 * corpus and reports an integrity, as {@code npm pack --json} does. No network, no registry.
 */
class NpmSyncTest {

    @TempDir
    Path temp;
    private Path tarball;

    @BeforeEach
    void packFixture() throws Exception {
        assumeTrue(!System.getProperty("os.name", "").toLowerCase().contains("win"), "needs a POSIX shell");
        Path staging = Files.createDirectories(temp.resolve("staging/package/.docs"));
        TestFiles.copyTree(McpTestServer.fixtureDir(), staging.resolve("organized"));
        tarball = temp.resolve("workos-mcp-docs-server-9.9.9.tgz");
        Process tar = new ProcessBuilder("tar", "czf", tarball.toString(), "-C", temp.resolve("staging").toString(),
                "package").inheritIO().start();
        assumeTrue(tar.waitFor() == 0, "tar is not available");
    }

    private Path fakeNpm(String reportedIntegrity) throws IOException {
        Path script = temp.resolve("fake-npm");
        Files.writeString(script, "#!/bin/sh\n"
                + "cp '" + tarball + "' .\n"
                + "echo '[{\"filename\":\"workos-mcp-docs-server-9.9.9.tgz\",\"integrity\":\"" + reportedIntegrity
                + "\"}]'\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script;
    }

    private CorpusSync sync(Path npm) {
        return new CorpusSync(new DataDirectory(temp.resolve("data")),
                new NpmPackageFetcher(temp.resolve("cache"), npm.toString(), 30), SyncProgress.NONE,
                Clock.systemUTC(), Optional::empty);
    }

    @Test
    void thePackageNpmPacksBecomesTheCurrentCorpusWithItsVersion() throws Exception {
        CorpusSync.Result result = sync(fakeNpm(NpmPackageFetcher.integrityOf(tarball)))
                .run(new CorpusSync.Request("latest", null, null, null, 10, 25));
        assertThat(result.info().version()).isEqualTo("9.9.9");
        assertThat(result.info().origin()).isEqualTo("@workos/mcp-docs-server@9.9.9");
        assertThat(result.pages()).isGreaterThan(5);
        assertThat(new DataDirectory(temp.resolve("data")).current()).contains(result.dir());
    }

    @Test
    void aTarballThatDoesNotMatchItsIntegrityIsRefused() throws Exception {
        String wrong = "sha512-" + "A".repeat(86) + "==";
        assertThatThrownBy(() -> sync(fakeNpm(wrong)).run(new CorpusSync.Request("9.9.9", null, null, null, 10, 25)))
                .isInstanceOf(IOException.class).hasMessageContaining("integrity mismatch");
        assertThat(new DataDirectory(temp.resolve("data")).current()).isEmpty();
    }
}
