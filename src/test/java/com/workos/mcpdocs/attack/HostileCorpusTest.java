package com.workos.mcpdocs.attack;

import static org.assertj.core.api.Assertions.assertThat;

import com.workos.mcpdocs.McpTestServer;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A generated corpus folder with every kind of hostile file next to good pages, served over stdio by the real
 * server: each hostile file is asked for by the tools, the server answers {@code ping} within a second after each,
 * serves the good pages, and names on stderr every file it skipped with the reason.
 */
class HostileCorpusTest {

    @TempDir
    Path temp;

    private static final String GOOD = "---\ntitle: %s\ndescription: A page that is fine.\n---\n\n# %s\n\n"
            + "The quokka setting lives here.\n";

    @Test
    void hostileFilesAreSkippedAndNamedWhileGoodPagesAreServed() throws Exception {
        Path root = temp.resolve("organized");
        Path docs = Files.createDirectories(root.resolve("docs"));
        write(docs.resolve("good/one.mdx"), GOOD.formatted("Good one", "Good one"));
        write(docs.resolve("good/two.mdx"), GOOD.formatted("Good two", "Good two"));

        // Expected reasons per file (a part of the message the server logs when it skips it).
        Map<String, String> skipped = new LinkedHashMap<>();
        Map<String, String> served = new LinkedHashMap<>();

        // Huge: a 3 GB sparse page must not be read at all.
        try (RandomAccessFile huge = new RandomAccessFile(docs.resolve("huge.mdx").toFile(), "rw")) {
            huge.setLength(3L << 30);
        }
        skipped.put("docs/huge.mdx", "larger than 1 MiB");
        write(docs.resolve("big.mdx"), "# Big\n\n" + "word ".repeat(500_000));
        skipped.put("docs/big.mdx", "larger than 1 MiB");

        // Deeply nested JSX: served, flattened below a fixed depth.
        write(docs.resolve("nested-jsx.mdx"), "# Nested JSX\n\n" + "<div>".repeat(2_000) + "deep quokka text"
                + "</div>".repeat(2_000) + "\n");
        served.put("nested-jsx", "deep quokka text");
        // Deeply nested YAML frontmatter: skipped before the YAML library recurses into it.
        write(docs.resolve("nested-yaml.mdx"), "---\ntitle: " + "[".repeat(2_000) + "]".repeat(2_000)
                + "\n---\n\n# Nested YAML\n");
        skipped.put("docs/nested-yaml.mdx", "nests deeper than 64 levels");

        // Binary and badly encoded.
        byte[] noise = new byte[20_000];
        new Random(7).nextBytes(noise);
        Files.write(docs.resolve("binary.mdx"), noise);
        skipped.put("docs/binary.mdx", "not valid UTF-8");
        Files.write(docs.resolve("latin1.mdx"), "# Caf\u00e9\n\nr\u00e9sum\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        skipped.put("docs/latin1.mdx", "not valid UTF-8");

        // Links out of the folder: a file, the process environment, a folder.
        Files.createSymbolicLink(docs.resolve("passwd.mdx"), Path.of("/etc/passwd"));
        skipped.put("docs/passwd.mdx", "symbolic link to a file outside");
        Path outside = Files.createDirectories(temp.resolve("outside"));
        write(outside.resolve("secret.mdx"), GOOD.formatted("Secret", "Secret"));
        Files.createSymbolicLink(docs.resolve("linked"), outside);
        skipped.put("docs/linked", "symbolic link to a folder");
        if (Files.exists(Path.of("/proc/self/environ"))) {
            Files.createSymbolicLink(docs.resolve("environ.mdx"), Path.of("/proc/self/environ"));
            skipped.put("docs/environ.mdx", "symbolic link to a file outside");
        }
        // A link inside the folder is an ordinary page.
        Files.createSymbolicLink(docs.resolve("alias.mdx"), docs.resolve("good/one.mdx"));
        served.put("alias", "Good one");

        // Unreadable (a privileged user reads it anyway: then it is simply a good page).
        Path unreadable = docs.resolve("unreadable.mdx");
        write(unreadable, GOOD.formatted("Unreadable", "Unreadable"));
        Files.setPosixFilePermissions(unreadable, PosixFilePermissions.fromString("---------"));
        if (!Files.isReadable(unreadable)) {
            skipped.put("docs/unreadable.mdx", "permission denied");
        }

        try (McpTestServer server = McpTestServer.withDocs(root)) {
            server.client().ping(); // the first request of a fresh JVM loads the classes on its way
            assertThat(McpTestServer.text(server.call("workos_docs", Map.of("path", "good/one"))))
                    .contains("The quokka setting lives here.");
            assertPingWithinASecond(server);
            for (String file : skipped.keySet()) {
                String path = file.substring("docs/".length()).replaceFirst("\\.mdx$", "");
                McpSchema.CallToolResult answer = server.call("workos_docs", Map.of("path", path));
                assertThat(answer.isError()).as(path).isTrue();
                assertThat(McpTestServer.text(answer)).doesNotContain("root:x:0:0", "PATH=");
                assertPingWithinASecond(server);
            }
            for (Map.Entry<String, String> page : served.entrySet()) {
                McpSchema.CallToolResult answer = server.call("workos_docs", Map.of("path", page.getKey()));
                assertThat(answer.isError()).as(page.getKey()).isNotEqualTo(Boolean.TRUE);
                assertThat(McpTestServer.text(answer)).contains(page.getValue());
                assertPingWithinASecond(server);
            }
            for (String good : List.of("good/one", "good/two")) {
                assertThat(McpTestServer.text(server.call("workos_docs", Map.of("path", good))))
                        .contains("The quokka setting lives here.");
            }
            String search = McpTestServer.text(server.call("workos_search", Map.of("query", "quokka")));
            assertThat(search).contains("good/one", "good/two").doesNotContain("secret", "passwd");
            assertPingWithinASecond(server);

            String stderr = String.join("\n", server.stderr());
            skipped.forEach((file, reason) -> assertThat(stderr).as(file)
                    .containsPattern("Skipping " + java.util.regex.Pattern.quote(file) + ": .*"
                            + java.util.regex.Pattern.quote(reason)));
        }
    }

    private static void assertPingWithinASecond(McpTestServer server) throws Exception {
        CompletableFuture<Object> ping = CompletableFuture.supplyAsync(() -> server.client().ping());
        assertThat(ping.get(1, TimeUnit.SECONDS)).isNotNull();
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
