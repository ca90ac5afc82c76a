package com.workos.mcpdocs.attack;

import static org.assertj.core.api.Assertions.assertThat;

import com.workos.mcpdocs.McpTestServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.ObjectMapper;

/**
 * Seeded fuzzing of the stdio server, the way most MCP clients run it: {@value #MESSAGES} lines of bad JSON, wrong
 * types, huge strings and lines, unknown methods, missing ids, stray responses and random tool arguments, written
 * into one server process. Each message's expected answer is known when it is generated, so the test checks that
 * the server answers every request with an id exactly once (an error for the malformed ones), answers each line it
 * cannot use with a null-id error, answers nothing else, writes only JSON-RPC to stdout, stays up, still serves the
 * good pages of a corpus with broken ones, and exits cleanly when stdin closes.
 */
class StdioFuzzTest {

    static final long SEED = 5_2025_1125L;
    static final int MESSAGES = 10_000;
    /** Bounds a hung server so the build fails instead of waiting; not a performance assertion. */
    static final Duration GUARD = Duration.ofMinutes(4);
    static final String[] METHODS = {"ping", "tools/list", "tools/call", "resources/list", "resources/read",
            "resources/templates/list", "prompts/list", "prompts/get", "completion/complete", "logging/setLevel"};
    static final String[] TOOLS = {"workos_search", "workos_docs", "workos_examples", "workos_changelogs", "nope"};

    /** What a correct server does with one message. */
    enum Expect {
        /** a response with the message's id: a result, or an error */
        ANSWER,
        /** a response with the message's id that is a result and not a tool error */
        SUCCESS,
        /** a response with the message's id that is a JSON-RPC error */
        ERROR,
        /** a JSON-RPC error or a tool result with isError: the request was refused either way */
        REFUSED,
        /** one JSON-RPC error with a null id (the line had no usable id) */
        NULL_ID_ERROR,
        /** no response at all (notifications, stray responses) */
        NOTHING
    }

    record Case(String line, String id, Expect expect) {
    }

    final Random random = new Random(SEED);
    final RandomJson gen = new RandomJson(random, "k");
    final Map<String, Integer> nullIdMessages = new ConcurrentHashMap<>();
    final ObjectMapper json = new ObjectMapper();
    int sequence;

    @Test
    void everyMessageGetsExactlyTheAnswerItShouldAndTheServerStaysUp() throws Exception {
        List<Case> cases = new ArrayList<>();
        for (int i = 0; i < MESSAGES; i++) {
            cases.add(next(i));
        }
        Map<Expect, Long> byKind = new java.util.EnumMap<>(Expect.class);
        cases.forEach(c -> byKind.merge(c.expect(), 1L, Long::sum));

        Process server = start();
        Map<String, Map<String, Object>> answers = new ConcurrentHashMap<>();
        List<String> duplicates = Collections.synchronizedList(new ArrayList<>());
        List<String> notJson = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger nullIdErrors = new AtomicInteger();
        Thread reader = new Thread(() -> read(server, answers, duplicates, notJson, nullIdErrors), "fuzz-reader");
        reader.start();
        OutputStream stdin = server.getOutputStream();
        // Written from another thread: a server that stops reading must fail the test, not block it.
        Thread writer = new Thread(() -> {
            try {
                for (Case c : cases) {
                    stdin.write(c.line().getBytes(StandardCharsets.UTF_8));
                    stdin.write('\n');
                }
                stdin.flush();
            } catch (IOException e) {
                notJson.add("could not write to the server: " + e);
            }
        }, "fuzz-writer");
        writer.setDaemon(true);
        writer.start();
        try {

            long expectedAnswers = cases.stream().filter(c -> c.id() != null && c.expect() != Expect.NOTHING)
                    .count();
            long deadline = System.nanoTime() + GUARD.toNanos();
            while (answers.size() < expectedAnswers && System.nanoTime() < deadline && server.isAlive()) {
                Thread.sleep(50);
            }
            writer.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            assertThat(writer.isAlive()).as("the server read all %d messages", MESSAGES).isFalse();
            assertThat(server.isAlive()).as("the server is still running after the fuzzing").isTrue();

            // Still serving, and the good pages of the fixture's broken folder are served.
            String after = "{\"jsonrpc\":\"2.0\",\"id\":\"after\",\"method\":\"tools/call\",\"params\":{\"name\":"
                    + "\"workos_docs\",\"arguments\":{\"path\":\"broken/fine\"}}}\n";
            stdin.write(after.getBytes(StandardCharsets.UTF_8));
            stdin.flush();
            long afterDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!answers.containsKey("s:after") && System.nanoTime() < afterDeadline && server.isAlive()) {
                Thread.sleep(20);
            }
            Map<String, Object> fine = answers.get("s:after");
            assertThat(fine).as("answer to workos_docs broken/fine after the fuzzing").isNotNull();
            assertThat(json.writeValueAsString(fine.get("result"))).doesNotContain("\"isError\":true")
                    .contains("Still Loads");

            stdin.close();
            assertThat(server.waitFor(60, TimeUnit.SECONDS)).as("the server exits when stdin closes").isTrue();
            assertThat(server.exitValue()).isZero();
            reader.join(10_000);
        } finally {
            server.destroyForcibly();
        }

        List<String> wrong = new ArrayList<>();
        for (Case c : cases) {
            if (c.id() == null) {
                continue;
            }
            Map<String, Object> answer = answers.get(c.id());
            String problem = judge(c, answer);
            if (problem != null && wrong.size() < 20) {
                wrong.add(problem + ": " + RandomJson.abbreviate(c.line()) + " -> " + RandomJson.abbreviate(String.valueOf(answer)));
            }
        }
        long expectedNullIdErrors = byKind.getOrDefault(Expect.NULL_ID_ERROR, 0L);
        System.out.println("stdio fuzz: " + MESSAGES + " messages " + byKind + "; " + answers.size()
                + " answers with an id, " + nullIdErrors.get() + " null-id errors");
        assertThat(notJson).as("stdout lines that are not JSON-RPC").isEmpty();
        assertThat(duplicates).as("ids answered more than once").isEmpty();
        assertThat(wrong).as("wrong or missing answers").isEmpty();
        assertThat(nullIdErrors.get()).as("null-id errors (one per unusable line): %s", nullIdMessages).isEqualTo(expectedNullIdErrors);
        assertThat(byKind.keySet()).as("the generator covers every kind of outcome")
                .containsAll(List.of(Expect.values()));
    }

    private String judge(Case c, Map<String, Object> answer) throws IOException {
        if (c.expect() == Expect.NOTHING) {
            return answer == null ? null : "answered a message that needs no answer";
        }
        if (answer == null) {
            return "no answer";
        }
        boolean error = answer.containsKey("error");
        boolean toolError = !error && json.writeValueAsString(answer.get("result")).contains("\"isError\":true");
        return switch (c.expect()) {
            case ANSWER -> error || answer.containsKey("result") ? null : "neither result nor error";
            case SUCCESS -> !error && !toolError && answer.containsKey("result") ? null : "expected success";
            case ERROR -> error ? null : "expected a JSON-RPC error";
            case REFUSED -> error || toolError ? null : "expected a refusal";
            default -> "unexpected id";
        };
    }

    private Process start() throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                        .toString(), "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                "com.workos.mcpdocs.cli.Main", "--docs", McpTestServer.fixtureDir().toString()));
        Process process = new ProcessBuilder(command)
                .redirectError(Path.of("target", "stdio-fuzz-stderr.log").toFile())
                .start();
        String init = "{\"jsonrpc\":\"2.0\",\"id\":\"init\",\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
                + "\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"fuzz\",\"version\":\"1\"}}}\n"
                + "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}\n";
        process.getOutputStream().write(init.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().flush();
        return process;
    }

    @SuppressWarnings("unchecked")
    private void read(Process server, Map<String, Map<String, Object>> answers, List<String> duplicates,
                      List<String> notJson, AtomicInteger nullIdErrors) {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                Map<String, Object> message;
                try {
                    message = json.readValue(line, Map.class);
                } catch (Exception e) {
                    notJson.add(RandomJson.abbreviate(line));
                    continue;
                }
                if (!"2.0".equals(message.get("jsonrpc"))) {
                    notJson.add(RandomJson.abbreviate(line));
                    continue;
                }
                Object id = message.get("id");
                if (id == null) {
                    if (message.containsKey("error")) {
                        nullIdErrors.incrementAndGet();
                        nullIdMessages.merge(String.valueOf(((Map<String, Object>) message.get("error"))
                                .get("message")), 1, Integer::sum);
                    } else if (!message.containsKey("method")) {
                        notJson.add(RandomJson.abbreviate(line)); // neither an error nor a notification
                    }
                    continue;
                }
                String key = (id instanceof String ? "s:" : "n:") + id;
                if (key.equals("s:init")) {
                    continue;
                }
                if (answers.putIfAbsent(key, message) != null) {
                    duplicates.add(key);
                }
            }
        } catch (IOException e) {
            notJson.add("stdout failed: " + e);
        }
    }

    // ---- the generator: each case knows the answer a correct server gives ----

    private Case next(int i) throws IOException {
        String id = i % 2 == 0 ? Integer.toString(1_000 + i) : "m-" + i;
        String key = (i % 2 == 0 ? "n:" : "s:") + id;
        Object idValue = i % 2 == 0 ? (Object) (1_000 + i) : id;
        if (i % 2_000 == 1_999) { // a line over the 4 MiB limit
            return new Case("{\"jsonrpc\":\"2.0\",\"id\":" + json.writeValueAsString(idValue)
                    + ",\"method\":\"tools/call\",\"params\":{\"name\":\"workos_search\",\"arguments\":{\"query\":\""
                    + "a".repeat(5 << 20) + "\"}}}", null, Expect.NULL_ID_ERROR);
        }
        int kind = random.nextInt(11);
        switch (kind) {
            case 0 -> { // bad JSON: a valid message cut short, maybe with junk after the cut
                String valid = json.writeValueAsString(RandomJson.request(idValue, gen.pick(METHODS), Map.of()));
                String cut = valid.substring(0, 1 + random.nextInt(valid.length() - 2));
                return new Case(random.nextBoolean() ? cut : cut + printable(1 + random.nextInt(8)) + "}}", null,
                        Expect.NULL_ID_ERROR);
            }
            case 1 -> { // wrong types for jsonrpc, id, method or params
                Map<String, Object> message = RandomJson.request(idValue, gen.pick(METHODS), Map.of());
                return switch (random.nextInt(4)) {
                    case 0 -> {
                        message.put("jsonrpc", pickValue("1.0", 2.0, null, List.of(), "", true));
                        yield new Case(json.writeValueAsString(message), key, Expect.ERROR);
                    }
                    case 1 -> {
                        message.put("id", pickValue(null, true, 1.5, List.of(1), Map.of("a", 1)));
                        yield new Case(json.writeValueAsString(message), null, Expect.NULL_ID_ERROR);
                    }
                    case 2 -> {
                        message.put("method", pickValue(null, 7, true, List.of("ping"), Map.of("m", "ping")));
                        yield new Case(json.writeValueAsString(message), key, Expect.ERROR);
                    }
                    default -> {
                        message.put("params", pickValue(7, "params", true, List.of(1, 2), 0.5));
                        yield new Case(json.writeValueAsString(message), key, Expect.ERROR);
                    }
                };
            }
            case 2 -> { // huge strings where tools read them: every tool refuses them
                String huge = random.nextInt(50) == 0 ? printable(1 << 20) : printable(1_001 + random.nextInt(20_000));
                String tool = gen.pick(TOOLS);
                String argument = switch (tool) {
                    case "workos_docs" -> "path";
                    case "workos_examples" -> "example";
                    case "workos_changelogs" -> "package";
                    default -> "query";
                };
                return new Case(json.writeValueAsString(RandomJson.request(idValue, "tools/call",
                        Map.of("name", tool, "arguments", Map.of(argument, huge)))), key, Expect.REFUSED);
            }
            case 3 -> { // unknown methods
                return new Case(json.writeValueAsString(RandomJson.request(idValue, "x/" + printable(1 + random.nextInt(40)),
                        Map.of())), key, Expect.ERROR);
            }
            case 4 -> { // no id: notifications, known or not, with any params; never answered
                Map<String, Object> message = RandomJson.request(idValue, random.nextBoolean() ? gen.pick(METHODS)
                        : "notifications/" + printable(1 + random.nextInt(10)), Map.of());
                message.remove("id");
                if (random.nextBoolean()) {
                    message.put("params", gen.value(2));
                }
                return new Case(json.writeValueAsString(message), null, Expect.NOTHING);
            }
            case 5 -> { // tool calls with random arguments of random types
                Map<String, Object> args = new LinkedHashMap<>();
                for (String name : new String[] {"query", "path", "maxResults", "section", "example", "language",
                        "limit", "package", "since"}) {
                    if (random.nextBoolean()) {
                        args.put(name, gen.value(2));
                    }
                }
                return new Case(json.writeValueAsString(RandomJson.request(idValue, "tools/call",
                        Map.of("name", gen.pick(TOOLS), "arguments", args))), key, Expect.ANSWER);
            }
            case 6 -> { // any JSON value that is not an object: arrays (batches), strings, numbers...
                Object value = gen.value(3);
                if (value instanceof Map) {
                    value = List.of(value);
                }
                return new Case(json.writeValueAsString(value), null, Expect.NULL_ID_ERROR);
            }
            case 7 -> { // known methods with random (object) params
                Map<String, Object> params = new LinkedHashMap<>();
                for (String name : new String[] {"uri", "name", "arguments", "cursor", "level", "ref", "argument"}) {
                    if (random.nextBoolean()) {
                        params.put(name, gen.value(2));
                    }
                }
                return new Case(json.writeValueAsString(RandomJson.request(idValue, gen.pick(METHODS), params)), key,
                        Expect.ANSWER);
            }
            case 8 -> { // a stray response, as if to a request the server never sent
                Map<String, Object> message = new LinkedHashMap<>();
                message.put("jsonrpc", "2.0");
                message.put("id", idValue);
                message.put(random.nextBoolean() ? "result" : "error", gen.value(1));
                return new Case(json.writeValueAsString(message), key, Expect.NOTHING);
            }
            case 9 -> { // path traversal and odd paths through every place a path goes
                String path = gen.pick(new String[] {"../../pom.xml", "/etc/passwd", "..\\..\\README.md",
                        "%2e%2e/%2e%2e/pom.xml", "sso/\u0000/../../pom.xml", "\u2025/\u2025/pom.xml",
                        "file:///etc/passwd"});
                boolean resource = random.nextBoolean();
                Map<String, Object> message = resource
                        ? RandomJson.request(idValue, "resources/read", Map.of("uri", "workos://docs/" + path))
                        : RandomJson.request(idValue, "tools/call", Map.of("name", "workos_docs", "arguments",
                        Map.of("path", path)));
                return new Case(json.writeValueAsString(message), key, Expect.REFUSED);
            }
            default -> { // well-formed requests, answered normally
                Map<String, Object> message = switch (random.nextInt(4)) {
                    case 0 -> RandomJson.request(idValue, "ping", Map.of());
                    case 1 -> RandomJson.request(idValue, "tools/list", Map.of());
                    case 2 -> RandomJson.request(idValue, "tools/call", Map.of("name", "workos_search", "arguments",
                            Map.of("query", gen.pick(new String[] {"sso", "redirect uri", "access token", "user"}))));
                    default -> RandomJson.request(idValue, "tools/call", Map.of("name", "workos_docs", "arguments",
                            Map.of("path", gen.pick(new String[] {"sso/redirect-uris", "authkit", "broken/fine", ""}))));
                };
                return new Case(json.writeValueAsString(message), key, Expect.SUCCESS);
            }
        }
    }

    /** Printable characters only: safe to put raw into a line. */
    private String printable(int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append((char) (random.nextInt(8) == 0 ? 0xA1 + random.nextInt(0x5000) : 0x21 + random.nextInt(0x5E)));
        }
        return out.toString();
    }

    private Object pickValue(Object... values) {
        return values[random.nextInt(values.length)];
    }
}
