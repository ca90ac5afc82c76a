package com.workos.mcpdocs.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Messages whose failure the SDK would describe with its parser's internals: the answer says what to send. */
class StdioBadMessagesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void tooDeepJsonAndNonObjectArgumentsGetAnswersThatSayWhatToDo(@TempDir Path data) throws Exception {
        try (StdioSession session = new StdioSession(data)) {
            session.send("""
                    {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18",\
                    "capabilities":{},"clientInfo":{"name":"c","version":"1"}}}
                    {"jsonrpc":"2.0","method":"notifications/initialized"}
                    """);
            assertThat(JSON.readTree(session.nextText(30)).get("id").asInt()).isEqualTo(1);

            session.send("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"ping\",\"params\":{\"x\":" + "[".repeat(600)
                    + "]".repeat(600) + "}}\n");
            JsonNode deep = JSON.readTree(session.nextText(30));
            assertThat(deep.at("/error/code").asInt()).isEqualTo(-32700);
            assertThat(deep.at("/error/message").asString()).contains("nests deeper than 500 levels")
                    .doesNotContain("not valid JSON");

            session.send("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":"
                    + "\"workos_search\",\"arguments\":[\"sso\"]}}\n");
            JsonNode array = JSON.readTree(session.nextText(30));
            assertThat(array.get("id").asInt()).isEqualTo(3);
            assertThat(array.at("/error/code").asInt()).isEqualTo(-32602);
            assertThat(array.at("/error/message").asString()).contains("'arguments' must be an object", "an array")
                    .doesNotContain("Cannot deserialize", "jackson");

            session.send("{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"ping\"}\n");
            assertThat(JSON.readTree(session.nextText(30)).get("id").asInt()).isEqualTo(4);
        }
    }
}
