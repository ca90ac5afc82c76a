package com.workos.mcpdocs.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * What the stdio transport writes: each answer one line of valid UTF-8 JSON, also when the text it carries has
 * characters outside the basic plane or halves of a surrogate pair (which a client can send as JSON escapes and an
 * answer may repeat).
 */
class StdioAnswersTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyAnswerIsOneLineOfValidUtf8JsonWhateverTheTextHolds(@TempDir Path data) throws Exception {
        String requests = """
                {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18",\
                "capabilities":{},"clientInfo":{"name":"c","version":"1"}}}
                {"jsonrpc":"2.0","method":"notifications/initialized"}
                {"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"workos_search",\
                "arguments":{"query":"caf\\u00e9 \\ud83d\\udd10 single sign-on"}}}
                {"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":"workos_search",\
                "arguments":{"query":"zzqx \\ud800 wildcard"}}}
                {"jsonrpc":"2.0","id":4,"method":"tools/call","params":{"name":"workos_docs",\
                "arguments":{"path":"sso/\\udc00"}}}
                {"jsonrpc":"2.0","id":5,"method":"tools/call","params":{"name":"workos_search",\
                "arguments":{"query":"\\udbff\\udbff"}}}
                """;
        Map<Integer, JsonNode> answers = new HashMap<>();
        try (StdioSession session = new StdioSession(data)) {
            session.send(requests);
            while (answers.size() < 5) {
                byte[] line = session.next(30);
                assertThat(line).as("answers so far: " + answers.keySet()).isNotNull();
                String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(line)).toString();
                JsonNode answer = JSON.readTree(text);
                assertThat(answers.put(answer.get("id").asInt(), answer)).as(text).isNull();
            }
        }
        assertThat(answers.get(2).at("/result/isError").asBoolean()).isFalse();
        assertThat(answers.get(2).at("/result/structuredContent/results").size()).isPositive();
        for (int id = 3; id <= 5; id++) {
            assertThat(answers.get(id).has("result") || answers.get(id).has("error")).as(answers.get(id).toString())
                    .isTrue();
        }
    }
}
