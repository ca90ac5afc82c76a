package com.workos.mcpdocs.bench;

import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Bounded load over Streamable HTTP on loopback (run by {@code scripts/load-http.sh}; not a unit test): N
 * concurrent clients, each with its own keep-alive connection, send a fixed number of {@code tools/call} requests
 * in total, stopping early at the time limit. Prints throughput, p50/p90/p99 and errors per tool and client count.
 * Exits 1 when any request failed.
 */
public final class HttpLoad {

    private static final List<String> DEFAULT_QUERIES = List.of("saml redirect uri", "directory sync okta",
            "create organization", "authkit session", "list users", "webhooks events", "mfa totp enroll",
            "audit logs export", "sso connection", "rbac roles permissions", "magic auth", "admin portal link");
    private static final List<String> DEFAULT_PATHS = List.of("sso/redirect-uris", "directory-sync", "authkit",
            "sso", "mfa", "audit-logs", "admin-portal", "rbac", "sso/test-sso", "events");

    private static final String RESULT = "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\"";

    public static void main(String[] args) throws Exception {
        String url = "http://127.0.0.1:8080/mcp";
        int requests = 20_000;
        int warmup = 2_000;
        long timeLimitSeconds = 60;
        List<Integer> clientCounts = List.of(32, 64);
        List<String> tools = List.of("workos_search", "workos_docs");
        List<String> queries = DEFAULT_QUERIES;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--url" -> url = args[++i];
                case "--requests" -> requests = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--time-limit" -> timeLimitSeconds = Long.parseLong(args[++i]);
                case "--clients" -> clientCounts = Arrays.stream(args[++i].split(",")).map(Integer::parseInt).toList();
                case "--tools" -> tools = List.of(args[++i].split(","));
                case "--queries" -> queries = readQueries(Path.of(args[++i]));
                default -> {
                    System.err.println("unknown option " + args[i] + "; see scripts/load-http.sh");
                    System.exit(2);
                }
            }
        }
        URI uri = URI.create(url);
        if (!"127.0.0.1".equals(uri.getHost()) && !"localhost".equals(uri.getHost())) {
            System.err.println("load runs against loopback only; got " + uri.getHost());
            System.exit(2);
        }
        McpJsonMapper json = McpJsonDefaults.getMapper();
        List<String> searchBodies = new ArrayList<>();
        for (String q : queries) {
            searchBodies.add(body(json, "workos_search", Map.of("query", q, "maxResults", 10)));
        }
        List<String> docsBodies = new ArrayList<>();
        for (String p : DEFAULT_PATHS) {
            docsBodies.add(body(json, "workos_docs", Map.of("path", p)));
        }
        boolean failed = false;
        System.out.printf("%-14s %7s %9s %10s %8s %8s %8s %7s%n", "tool", "clients", "requests", "req/s", "p50 ms",
                "p90 ms", "p99 ms", "errors");
        for (String tool : tools) {
            List<String> bodies = switch (tool) {
                case "workos_search" -> searchBodies;
                case "workos_docs" -> docsBodies;
                default -> List.of("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}");
            };
            for (int clients : clientCounts) {
                run(uri, bodies, clients, warmup, timeLimitSeconds); // warm-up, not reported
                Result r = run(uri, bodies, clients, requests, timeLimitSeconds);
                System.out.printf("%-14s %7d %9d %10.0f %8.2f %8.2f %8.2f %7d%n", tool, clients, r.done,
                        r.done / r.seconds, r.percentile(50), r.percentile(90), r.percentile(99), r.errors);
                failed |= r.errors > 0;
            }
        }
        System.exit(failed ? 1 : 0);
    }

    record Result(int done, int errors, double seconds, long[] latenciesNanos) {
        double percentile(double p) {
            if (done == 0) {
                return Double.NaN;
            }
            long[] sorted = Arrays.copyOf(latenciesNanos, done);
            Arrays.sort(sorted);
            return sorted[(int) Math.min(done - 1, Math.ceil(p / 100 * done) - 1)] / 1e6;
        }
    }

    static Result run(URI uri, List<String> bodies, int clients, int requests, long timeLimitSeconds)
            throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        long[] latencies = new long[requests];
        AtomicInteger done = new AtomicInteger();
        long deadline = System.nanoTime() + timeLimitSeconds * 1_000_000_000L;
        CountDownLatch finished = new CountDownLatch(clients);
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            Thread client = new Thread(() -> {
                HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(5)).build();
                try {
                    int i;
                    while ((i = next.getAndIncrement()) < requests && System.nanoTime() < deadline) {
                        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                                .header("Content-Type", "application/json")
                                .header("Accept", "application/json, text/event-stream")
                                .POST(HttpRequest.BodyPublishers.ofString(bodies.get(i % bodies.size()))).build();
                        long t0 = System.nanoTime();
                        try {
                            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                            // A result (not a JSON-RPC error) that is not a tool error; page text may say "error".
                            String answer = response.body();
                            if (response.statusCode() != 200 || !answer.startsWith(RESULT)
                                    || answer.contains("\"isError\":true")) {
                                errors.incrementAndGet();
                            }
                        } catch (Exception e) {
                            errors.incrementAndGet();
                        }
                        latencies[done.getAndIncrement()] = System.nanoTime() - t0;
                    }
                } finally {
                    finished.countDown();
                }
            }, "load-client-" + c);
            client.setDaemon(true);
            client.start();
        }
        finished.await();
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Result(done.get(), errors.get(), seconds, latencies);
    }

    private static String body(McpJsonMapper json, String tool, Map<String, Object> arguments) throws Exception {
        return json.writeValueAsString(Map.of("jsonrpc", "2.0", "id", 1, "method", "tools/call",
                "params", Map.of("name", tool, "arguments", arguments)));
    }

    private static List<String> readQueries(Path file) throws Exception {
        McpJsonMapper json = McpJsonDefaults.getMapper();
        List<String> queries = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (!line.isBlank()) {
                Object query = json.readValue(line, Map.class).get("query");
                if (query instanceof String s) {
                    queries.add(s);
                }
            }
        }
        return queries.isEmpty() ? DEFAULT_QUERIES : queries;
    }
}
