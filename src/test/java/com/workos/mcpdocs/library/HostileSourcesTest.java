package com.workos.mcpdocs.library;

import com.workos.mcpdocs.source.ContentTree;
import com.workos.mcpdocs.source.MonorepoSource;
import com.workos.mcpdocs.source.NpmPackageFetcher;
import com.workos.mcpdocs.source.SyncFixtures;
import com.workos.mcpdocs.source.SyncProgress;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.workos.mcpdocs.McpTestServer;
import com.workos.mcpdocs.TestFiles;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sources that try to smuggle files in or to exhaust the sync: links out of the folder, tarball tricks. */
class HostileSourcesTest {

    @TempDir
    Path temp;

    private CorpusSync sync(DataDirectory data) {
        return new CorpusSync(data, new NpmPackageFetcher(temp.resolve("cache")), SyncProgress.NONE,
                Clock.fixed(Instant.parse("2026-03-04T05:06:07Z"), ZoneOffset.UTC), Optional::empty);
    }

    @Test
    void syncFromDirStoresNoFileALinkBringsInFromOutsideAndNamesIt() throws Exception {
        Path dir = TestFiles.copyTree(McpTestServer.fixtureDir(), temp.resolve("organized"));
        Files.createSymbolicLink(dir.resolve("docs/leak.mdx"), Path.of("/etc/passwd"));
        Path outside = Files.createDirectories(temp.resolve("outside"));
        Files.writeString(outside.resolve("page.mdx"), "# Outside\n");
        Files.createSymbolicLink(dir.resolve("docs/linked"), outside);

        DataDirectory data = new DataDirectory(temp.resolve("data"));
        CorpusSync.Result result = sync(data).run(new CorpusSync.Request(null, dir, null, null, 10, 25));

        assertThat(result.summary()).contains("docs/leak.mdx: a symbolic link to a file outside",
                "docs/linked: a symbolic link to a folder outside");
        StoredCorpus stored = StoredCorpus.current(data).orElseThrow();
        assertThat(stored.tree().files().keySet()).noneMatch(name -> name.contains("leak") || name.contains("linked"));
        assertThat(stored.tree().files().values()).noneMatch(bytes -> new String(bytes, StandardCharsets.UTF_8)
                .contains("root:x:0:0"));
    }

    @Test
    void aMonorepoPackageLinkedFromOutsideIsNotRead() throws Exception {
        Path repo = TestFiles.copyTree(SyncFixtures.monorepo(), temp.resolve("repo"));
        Path elsewhere = Files.createDirectories(temp.resolve("elsewhere/evil"));
        Files.writeString(elsewhere.resolve("CHANGELOG.md"), "## [6.6.6] - 2026-01-01\n- stolen\n");
        Files.createSymbolicLink(repo.resolve("packages/evil"), elsewhere);
        Files.createSymbolicLink(repo.resolve("packages/docs/content/leak.mdx"), Path.of("/etc/passwd"));

        ContentTree tree = MonorepoSource.read(repo, 10);

        assertThat(tree.files()).doesNotContainKeys("changelogs/evil.json", "docs/leak.mdx");
        assertThat(tree.skipped()).containsKeys("packages/evil", "packages/docs/content/leak.mdx");
        assertThat(tree.files()).containsKey("changelogs/node.json");
    }

    @Test
    void tarballEntriesNamedToLeaveThePackageAreSkipped() throws Exception {
        byte[] tgz = tgz(out -> {
            entry(out, "package/.docs/organized/docs/good.mdx", "# Good\n".getBytes(StandardCharsets.UTF_8));
            entry(out, "package/.docs/organized/docs/../../../evil.mdx", "# Evil\n".getBytes(StandardCharsets.UTF_8));
            entry(out, "package/.docs/organized/docs/./odd.mdx", "# Odd\n".getBytes(StandardCharsets.UTF_8));
            entry(out, "package/.docs/organized//abs.mdx", "# Abs\n".getBytes(StandardCharsets.UTF_8));
        });
        ContentTree tree = ContentTree.fromNpmTarball("test", new ByteArrayInputStream(tgz));
        assertThat(tree.files().keySet()).containsExactly("docs/good.mdx");
        assertThat(tree.skipped()).hasSize(3).allSatisfy((name, reason) -> assertThat(reason).contains("leave"));
    }

    @Test
    void aTarballBombStopsWithAClearErrorAndHugeEntriesAreNotKept() throws Exception {
        byte[] zeros = new byte[48 << 20];
        byte[] bomb = tgz(out -> {
            for (int i = 0; i < 8; i++) {
                entry(out, "package/.docs/organized/docs/bomb" + i + ".mdx", zeros);
            }
        });
        assertThat(bomb.length).isLessThan(2 << 20);
        assertThatThrownBy(() -> ContentTree.fromNpmTarball("bomb", new ByteArrayInputStream(bomb)))
                .isInstanceOf(IOException.class).hasMessageContaining("unpacks to more than 256 MiB");

        byte[] big = tgz(out -> {
            entry(out, "package/.docs/organized/docs/big.mdx", new byte[3 << 20]);
            entry(out, "package/.docs/organized/docs/good.mdx", "# Good\n".getBytes(StandardCharsets.UTF_8));
        });
        ContentTree tree = ContentTree.fromNpmTarball("big", new ByteArrayInputStream(big));
        assertThat(tree.files().keySet()).containsExactly("docs/good.mdx");
        assertThat(tree.skipped().get("docs/big.mdx")).contains("larger than 1 MiB");
    }

    private interface Entries {
        void write(OutputStream out) throws IOException;
    }

    private static byte[] tgz(Entries entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            entries.write(gzip);
            gzip.write(new byte[1024]);
        }
        return bytes.toByteArray();
    }

    /** One ustar entry (a GNU long-name record first when the name does not fit in 100 bytes). */
    private static void entry(OutputStream out, String name, byte[] content) throws IOException {
        byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
        if (nameBytes.length > 99) {
            out.write(header("././@LongLink", nameBytes.length + 1, 'L'));
            out.write(nameBytes);
            out.write(new byte[512 - nameBytes.length % 512]);
            name = "long";
        }
        out.write(header(name, content.length, '0'));
        out.write(content);
        out.write(new byte[(512 - content.length % 512) % 512]);
    }

    private static byte[] header(String name, long size, char type) {
        byte[] header = new byte[512];
        byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(nameBytes, 0, header, 0, nameBytes.length);
        byte[] sizeBytes = String.format("%011o", size).getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(sizeBytes, 0, header, 124, sizeBytes.length);
        header[156] = (byte) type;
        byte[] magic = "ustar\u000000".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(magic, 0, header, 257, magic.length);
        return header;
    }
}
