package com.workos.mcpdocs.mcp.stdio;

import com.workos.mcpdocs.mcp.Handshake;
import com.workos.mcpdocs.mcp.StdioSession;
import static org.assertj.core.api.Assertions.assertThat;

import com.workos.mcpdocs.McpTestServer;
import com.workos.mcpdocs.corpus.CorpusInfo;
import com.workos.mcpdocs.service.Services;
import io.modelcontextprotocol.json.McpJsonDefaults;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The stdio transport's own answer to {@code initialize} (written before the SDK's server is built) is the SDK's
 * answer, byte for byte in meaning; anything but a plain initialize is left to the SDK; a real server process answers
 * initialize exactly once and serves on.
 */
class EarlyInitializeTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final CorpusInfo CORPUS = new CorpusInfo("fixture", "test", "2026-01-01");
    static Services services;

    @BeforeAll
    static void load() throws IOException {
        services = Services.of(McpTestServer.fixtureCorpus());
    }

    static String initialize(String id, String version) {
        return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
                + version + ",\"capabilities\":{\"roots\":{\"listChanged\":true},\"sampling\":{}},"
                + "\"clientInfo\":{\"name\":\"test \\\"client\\\" é\",\"version\":\"1.0\"}}}";
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"2024-11-05\"", "\"2025-03-26\"", "\"2025-06-18\"", "\"2025-11-25\"", "\"1999-01-01\"",
            "\"\""})
    void answersEveryVersionAsTheSdkDoes(String version) throws Exception {
        List<String> versions = new ResilientStdioTransportProvider(McpJsonDefaults.getMapper(), System.in,
                OutputStream.nullOutputStream()).protocolVersions();
        for (String id : List.of("1", "\"abc\"", "12345678901234", "-3", "0")) {
            String line = initialize(id, version);
            String early = EarlyInitialize.answer(line, versions, Handshake.of(CORPUS));
            assertThat(early).as(line).isNotNull();
            assertThat(JSON.readTree(early)).as(line).isEqualTo(sdkAnswer(line));
        }
    }

    @Test
    void leavesAnythingButAPlainInitializeToTheSdk() {
        List<String> versions = List.of("2025-06-18", "2025-11-25");
        Handshake server = Handshake.of(CORPUS);
        String caps = "\"capabilities\":{}";
        String client = "\"clientInfo\":{\"name\":\"c\",\"version\":\"1\"}";
        for (String line : List.of(
                "not json",
                "[]",
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}",
                "{\"jsonrpc\":\"2.0\",\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\"," + caps
                        + "," + client + "}}",
                "{\"jsonrpc\":\"1.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
                        + "\"2025-06-18\"," + caps + "," + client + "}}",
                "{\"jsonrpc\":\"2.0\",\"id\":1.5,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
                        + "\"2025-06-18\"," + caps + "," + client + "}}",
                "{\"jsonrpc\":\"2.0\",\"id\":12345678901234567890,\"method\":\"initialize\",\"params\":{"
                        + "\"protocolVersion\":\"2025-06-18\"," + caps + "," + client + "}}",
                "{\"jsonrpc\":\"2.0\",\"id\":null,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
                        + "\"2025-06-18\"," + caps + "," + client + "}}",
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":5," + caps
                        + "," + client + "}}",
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
                        + "\"2025-06-18\",\"capabilities\":[]," + client + "}}",
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
                        + "\"2025-06-18\",\"capabilities\":{\"roots\":true}," + client + "}}",
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
                        + "\"2025-06-18\"," + caps + "}}",
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
                        + "\"2025-06-18\"," + caps + ",\"clientInfo\":{\"name\":\"c\"}}}",
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":[]}",
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
                        + "\"2025-06-18\"," + caps + "," + client + "}} {}",
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
                        + "\"2025-06-18\"," + caps + "," + client + "}")) {
            assertThat(EarlyInitialize.answer(line, versions, server)).as(line).isNull();
        }
    }

    @Test
    void aServerAnswersInitializeOnceAndServesOn() throws Exception {
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), "com.workos.mcpdocs.cli.Main",
                "--docs", McpTestServer.fixtureDir().toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        String requests = initialize("7", "\"2025-06-18\"") + "\n"
                + "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}\n"
                + "{\"jsonrpc\":\"2.0\",\"id\":8,\"method\":\"ping\"}\n"
                + "{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"tools/call\",\"params\":{\"name\":\"workos_search\","
                + "\"arguments\":{\"query\":\"single sign-on\"}}}\n";
        try (OutputStream in = process.getOutputStream()) {
            in.write(requests.getBytes(StandardCharsets.UTF_8));
        }
        List<JsonNode> answers = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                answers.add(JSON.readTree(line));
            }
        }
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(answers).extracting(a -> a.get("id").asInt()).containsExactlyInAnyOrder(7, 8, 9);
        JsonNode init = answers.stream().filter(a -> a.get("id").asInt() == 7).findFirst().orElseThrow();
        assertThat(init.at("/result/protocolVersion").asText()).isEqualTo("2025-06-18");
        JsonNode search = answers.stream().filter(a -> a.get("id").asInt() == 9).findFirst().orElseThrow();
        assertThat(search.at("/result/isError").asBoolean()).isFalse();
        assertThat(search.at("/result/structuredContent/results").size()).isPositive();
    }

    /** What the SDK's server (no early answer) writes for {@code line}. */
    private static JsonNode sdkAnswer(String line) throws Exception {
        try (StdioSession session = new StdioSession(services, CORPUS)) {
            session.send(line + "\n");
            String answer = session.nextText(30);
            assertThat(answer).as("the SDK's answer to " + line).isNotNull();
            return JSON.readTree(answer);
        }
    }
}
