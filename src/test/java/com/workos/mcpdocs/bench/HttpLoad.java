package com.workos.mcpdocs.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A bounded load generator for the Streamable HTTP server: N concurrent clients, each on its own keep-alive
 * connection, send {@code tools/call} requests for {@code workos_search} or {@code workos_docs} (or {@code ping}, to
 * measure the transport alone) until a fixed number
 * of requests is done or a time limit passes, then it prints throughput, latency percentiles and errors.
 *
 * <p>Not a test: run it with {@code scripts/load-http.sh}. It talks to loopback addresses only and refuses others,
 * so it cannot be pointed at someone else's server by mistake.
 *
 * <p>The client is a minimal HTTP/1.1 writer and reader rather than {@code java.net.http}: on a small machine the
 * load generator shares the cores with the server, and a heavier client would measure itself.
 */
public final class HttpLoad {

    /** Used when no query file is given: the kind of questions assistants ask. */
    private static final List<String> DEFAULT_QUERIES = List.of("saml redirect uri", "directory sync okta",
            "create organization", "verify webhook signature", "authkit session refresh token", "mfa totp enroll",
            "list users api", "audit logs export", "admin portal link", "getAuthorizationUrl", "domain verification",
            "magic auth code", "rbac roles permissions", "how do I sync users from Azure AD",
            "sso connection state inactive", "organization membership", "jwt access token claims",
            "impersonation", "password reset email", "events api pagination");
    private static final Pattern DOCS_PATH = Pattern.compile("\"path\":\"([^\"]{1,200})\"");

    private final URI url;
    private final String hostHeader;

    private HttpLoad(URI url) {
        this.url = url;
        this.hostHeader = url.getHost() + ":" + url.getPort();
    }

    /** One load run's outcome. */
    record Result(String tool, int clients, int requests, int errors, double seconds, long[] latenciesNanos,
                  String firstError) {

        String describe() {
            long[] sorted = latenciesNanos.clone();
            Arrays.sort(sorted);
            return String.format(Locale.ROOT, "%-14s clients=%-3d requests=%-6d errors=%-4d time=%6.2f s  "
                            + "throughput=%8.1f req/s  p50=%6.2f ms  p90=%6.2f ms  p99=%6.2f ms  max=%7.2f ms%s",
                    tool, clients, requests, errors, seconds, requests / seconds, ms(sorted, 0.50),
                    ms(sorted, 0.90), ms(sorted, 0.99), sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6,
                    firstError == null ? "" : "\n  first error: " + firstError);
        }

        private static double ms(long[] sorted, double q) {
            if (sorted.length == 0) {
                return 0;
            }
            int i = (int) Math.ceil(q * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
        }
    }

    public static void main(String[] args) throws Exception {
        String url = "http://127.0.0.1:8080/mcp";
        List<Integer> clientCounts = List.of(32, 64);
        List<String> tools = List.of("workos_search", "workos_docs");
        int requests = 20_000;
        int warmup = 3_000;
        double timeLimit = 30;
        Path queryFile = null;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : "";
            switch (args[i]) {
                case "--url" -> url = value;
                case "--clients" -> clientCounts = Arrays.stream(value.split(",")).map(Integer::parseInt).toList();
                case "--tools" -> tools = List.of(value.split(","));
                case "--requests" -> requests = Integer.parseInt(value);
                case "--warmup" -> warmup = Integer.parseInt(value);
                case "--time-limit" -> timeLimit = Double.parseDouble(value);
                case "--queries" -> queryFile = Path.of(value);
                default -> {
                    System.err.println("unknown option " + args[i] + "; options: --url URL --clients 32,64 "
                            + "--tools workos_search,workos_docs,ping --requests N --warmup N --time-limit SECONDS "
                            + "--queries FILE(.jsonl with \"query\" or one query per line)");
                    System.exit(2);
                }
            }
            i++;
        }
        URI uri = URI.create(url);
        if (!InetAddress.getByName(uri.getHost()).isLoopbackAddress()) {
            System.err.println("refusing " + url + ": load is only ever sent to a loopback address (127.0.0.1).");
            System.exit(2);
        }
        HttpLoad load = new HttpLoad(uri);
        List<String> queries = queryFile == null ? DEFAULT_QUERIES : readQueries(queryFile);
        List<String> paths = load.docsPaths(queries);
        System.out.printf(Locale.ROOT, "target %s, %d queries, %d docs paths, %d cores on this machine, "
                        + "%d requests per run (time limit %.0f s), warm-up %d%n", url, queries.size(), paths.size(),
                Runtime.getRuntime().availableProcessors(), requests, timeLimit, warmup);
        int totalErrors = 0;
        for (String tool : tools) {
            List<String> bodies = switch (tool) {
                case "workos_docs" -> paths.stream().map(p -> call(tool, "path", p)).toList();
                case "workos_search" -> queries.stream().map(q -> call(tool, "query", q)).toList();
                // The transport alone (HTTP, JSON-RPC, SDK dispatch): the ceiling any tool call stays under.
                case "ping" -> List.of("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}");
                default -> throw new IllegalArgumentException("unknown tool " + tool
                        + "; use workos_search, workos_docs or ping");
            };
            // The JIT and the server's caches warm up first, so the measured runs compare like with like.
            load.run(tool, clientCounts.get(0), bodies, warmup, timeLimit);
            for (int clients : clientCounts) {
                Result result = load.run(tool, clients, bodies, requests, timeLimit);
                System.out.println(result.describe());
                totalErrors += result.errors();
            }
        }
        System.exit(totalErrors == 0 ? 0 : 1);
    }

    /** Runs {@code total} requests over {@code clients} connections, or as many as fit in {@code timeLimit}. */
    Result run(String tool, int clients, List<String> bodies, int total, double timeLimit)
            throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        AtomicLong done = new AtomicLong();
        long[] latencies = new long[total];
        String[] firstError = new String[1];
        long deadline = System.nanoTime() + (long) (timeLimit * 1e9);
        CountDownLatch finished = new CountDownLatch(clients);
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            Thread worker = new Thread(() -> {
                Connection connection = null;
                try {
                    int i;
                    while ((i = next.getAndIncrement()) < total && System.nanoTime() < deadline) {
                        String body = bodies.get(i % bodies.size());
                        long t0 = System.nanoTime();
                        String error;
                        try {
                            if (connection == null) {
                                connection = new Connection(url, hostHeader);
                            }
                            error = check(connection.post(body));
                        } catch (IOException e) {
                            error = e.toString();
                            closeQuietly(connection);
                            connection = null;
                        }
                        latencies[i] = System.nanoTime() - t0;
                        done.incrementAndGet();
                        if (error != null) {
                            errors.incrementAndGet();
                            synchronized (firstError) {
                                if (firstError[0] == null) {
                                    firstError[0] = error;
                                }
                            }
                        }
                    }
                } finally {
                    closeQuietly(connection);
                    finished.countDown();
                }
            }, "load-" + c);
            worker.start();
        }
        finished.await();
        double seconds = (System.nanoTime() - start) / 1e9;
        int n = (int) done.get();
        // Requests past the deadline were never sent; their slots stay zero and are left out.
        long[] measured = Arrays.stream(latencies).filter(l -> l > 0).toArray();
        return new Result(tool, clients, n, errors.get(), seconds, measured, firstError[0]);
    }

    /** Paths to read with {@code workos_docs}: the top results of the queries, as a model would pick them. */
    List<String> docsPaths(List<String> queries) throws IOException {
        Set<String> paths = new LinkedHashSet<>();
        try (Connection connection = new Connection(url, hostHeader)) {
            for (String query : queries.subList(0, Math.min(queries.size(), 50))) {
                Response response = connection.post(call("workos_search", "query", query));
                Matcher m = DOCS_PATH.matcher(response.body());
                for (int i = 0; i < 2 && m.find(); i++) {
                    paths.add(m.group(1));
                }
            }
        }
        if (paths.isEmpty()) {
            throw new IllegalStateException("workos_search found no pages: is the server serving a corpus?");
        }
        return new ArrayList<>(paths);
    }

    /** {@code null} when the answer is a successful tool result, else what was wrong. */
    private static String check(Response response) {
        String body = response.body();
        if (response.status() != 200) {
            return "HTTP " + response.status() + ": " + abbreviate(body);
        }
        if (!body.startsWith("{\"jsonrpc\":\"2.0\"") || body.contains("\"error\":{\"code\"")) {
            return "JSON-RPC error: " + abbreviate(body);
        }
        if (body.contains("\"isError\":true")) {
            return "tool error: " + abbreviate(body);
        }
        return null;
    }

    private static String call(String tool, String argument, String value) {
        return "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"" + tool
                + "\",\"arguments\":{\"" + argument + "\":\"" + jsonEscape(value) + "\"}}}";
    }

    private static String jsonEscape(String s) {
        StringBuilder out = new StringBuilder();
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    private static List<String> readQueries(Path file) throws IOException {
        Pattern query = Pattern.compile("\"query\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
        List<String> queries = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            Matcher m = query.matcher(line);
            queries.add(m.find() ? m.group(1).replace("\\\"", "\"").replace("\\\\", "\\") : line.strip());
        }
        return queries;
    }

    private static String abbreviate(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            connection.close();
        }
    }

    record Response(int status, String body) {
    }

    /** One keep-alive HTTP/1.1 connection: POST a JSON body, read the whole answer (sized or chunked). */
    private static final class Connection implements AutoCloseable {
        private final Socket socket;
        private final OutputStream out;
        private final InputStream in;
        private final String head;

        Connection(URI url, String hostHeader) throws IOException {
            socket = new Socket(url.getHost(), url.getPort());
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(30_000);
            out = socket.getOutputStream();
            in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
            head = "POST " + url.getRawPath() + " HTTP/1.1\r\nHost: " + hostHeader
                    + "\r\nContent-Type: application/json\r\nAccept: application/json, text/event-stream\r\n"
                    + "MCP-Protocol-Version: 2025-11-25\r\n";
        }

        Response post(String json) throws IOException {
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            byte[] request = (head + "Content-Length: " + body.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1);
            byte[] all = Arrays.copyOf(request, request.length + body.length);
            System.arraycopy(body, 0, all, request.length, body.length);
            out.write(all);
            out.flush();
            String statusLine = line();
            String[] parts = statusLine.split(" ", 3);
            if (parts.length < 2) {
                throw new IOException("bad status line '" + statusLine + "'");
            }
            int status = Integer.parseInt(parts[1]);
            long length = -1;
            boolean chunked = false;
            String header;
            while (!(header = line()).isEmpty()) {
                String lower = header.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    length = Long.parseLong(lower.substring(15).strip());
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                }
            }
            byte[] content;
            if (chunked) {
                java.io.ByteArrayOutputStream buffer = new java.io.ByteArrayOutputStream();
                int size;
                while ((size = Integer.parseInt(line().split(";")[0].strip(), 16)) > 0) {
                    buffer.write(in.readNBytes(size));
                    line();
                }
                while (!line().isEmpty()) {
                    // trailers
                }
                content = buffer.toByteArray();
            } else if (length >= 0) {
                content = in.readNBytes((int) length);
            } else {
                throw new IOException("answer without length or chunking (status " + status + ")");
            }
            return new Response(status, new String(content, StandardCharsets.UTF_8));
        }

        private String line() throws IOException {
            StringBuilder sb = new StringBuilder();
            int b;
            while ((b = in.read()) != -1) {
                if (b == '\n') {
                    int n = sb.length();
                    return n > 0 && sb.charAt(n - 1) == '\r' ? sb.substring(0, n - 1) : sb.toString();
                }
                sb.append((char) b);
            }
            throw new IOException("connection closed by the server");
        }

        @Override
        public void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // Closing a broken connection; nothing to recover.
            }
        }
    }
}
