package com.workos.mcpdocs.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.workos.mcpdocs.McpTestServer;
import com.workos.mcpdocs.corpus.Corpus;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Over stdio, every page and changelog is listed and readable from the first request after initialize. */
class ResourceListingTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theFirstListIsCompleteAndAChangelogReadsAtOnce(@TempDir Path data) throws Exception {
        Corpus corpus = McpTestServer.fixtureCorpus();
        String changelog = corpus.changelogs().keySet().iterator().next();
        try (StdioSession session = new StdioSession(data)) {
            session.send("""
                    {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18",\
                    "capabilities":{},"clientInfo":{"name":"c","version":"1"}}}
                    {"jsonrpc":"2.0","method":"notifications/initialized"}
                    {"jsonrpc":"2.0","id":2,"method":"resources/list"}
                    {"jsonrpc":"2.0","id":3,"method":"resources/read","params":{"uri":"workos://changelogs/%s"}}
                    """.formatted(changelog));
            assertThat(answer(session, 1).has("result")).isTrue();
            JsonNode listed = answer(session, 2).at("/result/resources");
            assertThat(listed.size()).isEqualTo(corpus.pages().size() + corpus.changelogs().size());
            assertThat(answer(session, 3).at("/result/contents/0/text").asString()).isNotBlank();
        }
    }

    private static JsonNode answer(StdioSession session, int id) throws Exception {
        String line = session.nextText(30);
        assertThat(line).as("answer to " + id).isNotNull();
        JsonNode answer = JSON.readTree(line);
        assertThat(answer.get("id").asInt()).isEqualTo(id);
        return answer;
    }
}
