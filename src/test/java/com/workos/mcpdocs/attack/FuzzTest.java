package com.workos.mcpdocs.attack;

import static org.assertj.core.api.Assertions.assertThat;

import com.workos.mcpdocs.App;
import com.workos.mcpdocs.McpTestServer;
import com.workos.mcpdocs.http.DocsHttpServer;
import com.workos.mcpdocs.http.HttpOptions;
import com.workos.mcpdocs.service.Services;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Seeded fuzzing of the HTTP endpoint with malformed and random JSON-RPC: bad JSON, wrong types, huge strings,
 * unknown methods, missing ids, random tool arguments. The server must stay up, never answer 5xx or with a stack
 * trace, and answer every request that carries an id with a JSON-RPC response for that id (an error for the
 * malformed ones). The fixture corpus has broken pages; the good ones must still be served afterwards.
 */
class FuzzTest {

    static final long SEED = 20_251_125L;
    static final int MESSAGES = 10_000;
    /** A guard so a hung server fails the test instead of the build; not a performance assertion. */
    static final Duration GUARD = Duration.ofMinutes(3);
    static final String[] METHODS = {"ping", "initialize", "tools/list", "tools/call", "resources/list",
            "resources/read", "resources/templates/list", "prompts/list", "prompts/get", "completion/complete",
            "logging/setLevel", "nope", "tools/../../etc", "", "notifications/initialized", "$/cancel"};
    static final String[] TOOLS = {"workos_search", "workos_docs", "workos_examples", "workos_changelogs", "nope"};

    static DocsHttpServer server;
    static HttpClient http;
    static McpJsonMapper json = McpJsonDefaults.getMapper();
    final Random random = new Random(SEED);
    final RandomJson gen = new RandomJson(random, "");

    @BeforeAll
    static void start() throws Exception {
        Services services = App.of(McpTestServer.fixtureDir(), null).services();
        server = DocsHttpServer.start(() -> services, HttpOptions.loopback(0));
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** One fuzz case: the raw body, and the id a correct server must echo ({@code null}: not a request). */
    record Case(String body, Object id, boolean mustBeError) {
    }

    @Test
    void everyRequestWithAnIdGetsAJsonRpcAnswerAndTheServerStaysUp() throws Exception {
        long deadline = System.nanoTime() + GUARD.toNanos();
        int withId = 0;
        int errors = 0;
        int withoutId = 0;
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < MESSAGES; i++) {
            assertThat(System.nanoTime()).as("fuzzing did not finish within %s", GUARD).isLessThan(deadline);
            Case c = next(i);
            HttpResponse<String> response = post(c.body());
            String body = response.body();
            if (response.statusCode() >= 500 || body.contains("stackTrace") || body.contains("Exception")) {
                failures.add(i + ": HTTP " + response.statusCode() + " for " + RandomJson.abbreviate(c.body()) + " -> "
                        + RandomJson.abbreviate(body));
                continue;
            }
            if (c.id() == null) {
                withoutId++;
                continue;
            }
            withId++;
            Map<?, ?> answer = parse(body);
            boolean ok = answer != null && "2.0".equals(answer.get("jsonrpc"))
                    && String.valueOf(c.id()).equals(String.valueOf(answer.get("id")))
                    && (answer.containsKey("error") || answer.containsKey("result") && !c.mustBeError());
            if (answer != null && answer.containsKey("error")) {
                errors++;
            }
            if (!ok) {
                failures.add(i + ": " + RandomJson.abbreviate(c.body()) + " -> HTTP " + response.statusCode() + " "
                        + RandomJson.abbreviate(body));
            }
        }
        System.out.println("fuzz: " + MESSAGES + " messages, " + withId + " requests with an id (" + errors
                + " JSON-RPC errors), " + withoutId + " without, " + failures.size() + " failures");
        assertThat(failures).as("wrong answers").isEmpty();
        assertThat(withId).isGreaterThan(MESSAGES / 2);

        // Still up, and the good pages of a corpus with broken ones are served.
        HttpResponse<String> page = post("{\"jsonrpc\":\"2.0\",\"id\":\"after\",\"method\":\"tools/call\","
                + "\"params\":{\"name\":\"workos_docs\",\"arguments\":{\"path\":\"broken/fine\"}}}");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("\"id\":\"after\"").doesNotContain("\"isError\":true");
    }

    private Case next(int i) throws Exception {
        int kind = random.nextInt(8);
        Object id = random.nextBoolean() ? (Object) random.nextInt(1_000_000) : "r-" + i;
        switch (kind) {
            case 0 -> { // bad JSON: a valid message cut short or with bytes flipped
                String valid = json.writeValueAsString(RandomJson.request(id, "ping", Map.of()));
                String cut = valid.substring(0, random.nextInt(valid.length() - 1));
                return new Case(random.nextBoolean() ? cut : cut + gen.anyChars(5) + "}}", null, false);
            }
            case 1 -> { // wrong types for jsonrpc, id, method or params
                Map<String, Object> message = RandomJson.request(id, gen.pick(METHODS), Map.of());
                String field = gen.pick(new String[] {"jsonrpc", "id", "method", "params"});
                message.put(field, gen.value(2));
                Object echoed = message.get("id");
                boolean hasId = echoed instanceof String || echoed instanceof Number;
                boolean wellFormed = "2.0".equals(message.get("jsonrpc")) && message.get("method") instanceof String;
                return new Case(json.writeValueAsString(message), hasId && wellFormed ? echoed : null, false);
            }
            case 2 -> { // huge strings in the places tools read
                // Up to ~720 KB in all: under the 1 MiB body limit, so the tools (not the 413 guard) see them.
                String huge = gen.anyChars(1_000 + random.nextInt(60_000));
                Map<String, Object> args = Map.of("query", huge, "path", huge, "example", huge, "package", huge);
                return new Case(json.writeValueAsString(RandomJson.request(id, "tools/call",
                        Map.of("name", gen.pick(TOOLS), "arguments", args))), id, false);
            }
            case 3 -> { // unknown methods
                return new Case(json.writeValueAsString(RandomJson.request(id, "x/" + gen.anyChars(1 + random.nextInt(40)),
                        Map.of())), id, true);
            }
            case 4 -> { // missing ids: notifications, which get no JSON-RPC answer
                Map<String, Object> message = RandomJson.request(id, gen.pick(METHODS), Map.of());
                message.remove("id");
                return new Case(json.writeValueAsString(message), null, false);
            }
            case 5 -> { // tool calls with random arguments
                Map<String, Object> args = new LinkedHashMap<>();
                for (String name : new String[] {"query", "path", "maxResults", "section", "example", "language",
                        "limit", "package", "since"}) {
                    if (random.nextBoolean()) {
                        args.put(name, gen.value(2));
                    }
                }
                return new Case(json.writeValueAsString(RandomJson.request(id, "tools/call",
                        Map.of("name", gen.pick(TOOLS), "arguments", args))), id, false);
            }
            case 6 -> { // any JSON value at all
                return new Case(json.writeValueAsString(gen.value(3)), null, false);
            }
            default -> { // known methods with random params
                Map<String, Object> params = new LinkedHashMap<>();
                for (String name : new String[] {"uri", "name", "arguments", "cursor", "level", "ref", "argument"}) {
                    if (random.nextBoolean()) {
                        params.put(name, gen.value(2));
                    }
                }
                return new Case(json.writeValueAsString(RandomJson.request(id, gen.pick(METHODS), params)),
                        id, false);
            }
        }
    }

    private static HttpResponse<String> post(String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + DocsHttpServer.MCP_PATH))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Map<?, ?> parse(String body) {
        try {
            Object value = json.readValue(body, Object.class);
            return value instanceof Map<?, ?> map ? map : null;
        } catch (Exception e) {
            return null;
        }
    }
}
