package com.workos.mcpdocs.mcp.stdio;

import static org.assertj.core.api.Assertions.assertThat;

import com.workos.mcpdocs.McpTestServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The start of a stdio session and its failures, as a raw client sees them: requests sent before
 * {@code initialize}, a corpus whose loading fails with an {@link Error}, a request that overflows the stack. The
 * server answers every request, keeps reading, and ends when its input does.
 */
class StdioStartTest {

    @TempDir
    Path temp;

    @Test
    void pingIsAnsweredBeforeInitializeAndAnythingElseGetsAnErrorSayingWhatToSendFirst() throws Exception {
        try (RawStdioServer server = new RawStdioServer(McpTestServer.fixtureDir(), temp.resolve("data"))) {
            server.send("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}",
                    "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}");
            // More requests than the transport lets run at once: none may be parked.
            for (int id = 3; id < 103; id++) {
                server.send("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"tools/call\",\"params\":"
                        + "{\"name\":\"workos_search\",\"arguments\":{\"query\":\"sso\"}}}");
            }
            Map<Integer, JsonNode> answers = answers(server, 102);
            assertThat(answers.get(1).get("result").isEmpty()).isTrue();
            assertThat(answers.get(2).at("/error/message").asString()).contains("send initialize first");
            for (int id = 3; id < 103; id++) {
                assertThat(answers.get(id).has("error")).as("answer to %d", id).isTrue();
            }

            assertThat(server.initialize(103).at("/result/serverInfo/name").asString())
                    .isEqualTo("workos-mcp-docs-server");
            server.send("{\"jsonrpc\":\"2.0\",\"id\":104,\"method\":\"ping\"}",
                    "{\"jsonrpc\":\"2.0\",\"id\":105,\"method\":\"tools/list\"}");
            Map<Integer, JsonNode> after = answers(server, 2);
            assertThat(after.get(104).has("result")).isTrue();
            assertThat(after.get(105).at("/result/tools").size()).isPositive();
            assertThat(server.closeInputAndWait(15)).as("the process ends with its input").isTrue();
        }
    }

    @Test
    void aPageThatRunsTheLoaderOutOfMemoryLeavesAServerThatAnswersAndEnds() throws Exception {
        Path docs = Files.createDirectories(temp.resolve("corpus/docs"));
        Files.writeString(docs.resolve("index.mdx"), "---\ntitle: Home\n---\n\nSingle sign-on.\n");
        // Each page within the size a content file may have, together more than the heap allowed below.
        String page = "---\ntitle: Big\n---\n\n" + "Words of a big page. ".repeat(45_000) + "\n";
        for (int i = 0; i < 40; i++) {
            Files.writeString(docs.resolve("big-" + i + ".mdx"), page);
        }
        try (RawStdioServer server = new RawStdioServer(temp.resolve("corpus"), temp.resolve("data"), "-Xmx40m")) {
            assertThat(server.initialize(1)).as("stderr: %s", server.stderr()).isNotNull();
            server.send("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":"
                    + "\"workos_search\",\"arguments\":{\"query\":\"single sign-on\"}}}",
                    "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"ping\"}");
            Map<Integer, JsonNode> answers = answers(server, 2);
            assertThat(answers.get(2).has("result")).isTrue();
            assertThat(answers.get(3).has("result")).isTrue();
            assertThat(server.closeInputAndWait(15)).as("the process ends with its input").isTrue();
        }
    }

    @Test
    void aRequestThatOverflowsTheStackIsAnsweredAndTheNextOneToo() throws Exception {
        Path docs = Files.createDirectories(temp.resolve("corpus/docs"));
        Files.writeString(docs.resolve("deep.mdx"), "---\ntitle: Deep\n---\n\n" + "<div>".repeat(5_000) + "text"
                + "</div>".repeat(5_000) + "\n");
        try (RawStdioServer server = new RawStdioServer(temp.resolve("corpus"), temp.resolve("data"), "-Xss256k")) {
            assertThat(server.initialize(1)).as("stderr: %s", server.stderr()).isNotNull();
            server.send("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":"
                    + "\"workos_docs\",\"arguments\":{\"path\":\"deep\"}}}",
                    "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"ping\"}");
            Map<Integer, JsonNode> answers = answers(server, 2);
            assertThat(answers.get(2).has("result") || answers.get(2).has("error")).isTrue();
            assertThat(answers.get(3).has("result")).isTrue();
            assertThat(server.closeInputAndWait(15)).isTrue();
        }
    }

    /** The next {@code count} answers by id; each must come within 30 s. */
    private static Map<Integer, JsonNode> answers(RawStdioServer server, int count) throws InterruptedException,
            IOException {
        Map<Integer, JsonNode> answers = new HashMap<>();
        while (answers.size() < count) {
            JsonNode answer = server.next(30);
            assertThat(answer).as("answers so far: %s; stderr: %s", answers.keySet(), server.stderr()).isNotNull();
            answers.put(answer.get("id").asInt(), answer);
        }
        return answers;
    }
}
