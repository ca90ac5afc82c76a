package com.workos.mcpdocs.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.workos.mcpdocs.McpTestServer;
import com.workos.mcpdocs.corpus.CorpusInfo;
import com.workos.mcpdocs.service.Services;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The pages join the resource list when the server has a quiet time, not while calls are served. */
class ResourceListingTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void pagesAreListedOnceTheServerIsQuiet() throws Exception {
        Services services = Services.of(McpTestServer.fixtureCorpus());
        CorpusInfo corpus = services.corpus().info();
        CountDownLatch quiet = new CountDownLatch(1);
        try (StdioSession session = new StdioSession(services, corpus, () -> {
            try {
                quiet.await();
                return true;
            } catch (InterruptedException e) {
                return false;
            }
        })) {
            session.send("""
                    {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18",\
                    "capabilities":{},"clientInfo":{"name":"c","version":"1"}}}
                    {"jsonrpc":"2.0","method":"notifications/initialized"}
                    {"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"workos_search",\
                    "arguments":{"query":"single sign-on"}}}
                    """);
            assertThat(answer(session, 1).has("result")).isTrue();
            assertThat(answer(session, 2).at("/result/isError").asBoolean()).isFalse();
            // A first tool call has been served, which is when the list used to follow: not until quiet now.
            Thread.sleep(300);
            assertThat(listedPages(session, 3)).isZero();
            quiet.countDown();
            int pages = 0;
            for (int id = 4; id < 54 && pages == 0; id++) {
                pages = listedPages(session, id);
                if (pages == 0) {
                    Thread.sleep(100);
                }
            }
            assertThat(pages).isEqualTo(services.corpus().pages().size());
        }
    }

    private static int listedPages(StdioSession session, int id) throws Exception {
        session.send("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"resources/list\"}\n");
        int pages = 0;
        for (JsonNode resource : answer(session, id).at("/result/resources")) {
            if (resource.get("uri").asString().startsWith("workos://docs/")) {
                pages++;
            }
        }
        return pages;
    }

    private static JsonNode answer(StdioSession session, int id) throws Exception {
        String line = session.nextText(30);
        assertThat(line).as("answer to " + id).isNotNull();
        JsonNode answer = JSON.readTree(line);
        assertThat(answer.get("id").asInt()).isEqualTo(id);
        return answer;
    }
}
