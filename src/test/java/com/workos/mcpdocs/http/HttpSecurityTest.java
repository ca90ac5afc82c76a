package com.workos.mcpdocs.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modelcontextprotocol.client.McpSyncClient;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the HTTP server refuses, and that it still serves whom it should. */
class HttpSecurityTest {

    private static final String PING = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}";

    @Test
    void foreignHostAndOriginAreRefusedLoopbackOnesAccepted() throws Exception {
        try (HttpTestServer server = new HttpTestServer(HttpOptions.loopback(0))) {
            assertThat(server.rawPost("evil.example:" + server.server.port(), "", PING)).startsWith("HTTP/1.1 403")
                    .contains("not allowed").contains("--allow-host evil.example:" + server.server.port());
            assertThat(server.rawPost("LOCALHOST:" + server.server.port(), "", PING)).startsWith("HTTP/1.1 200");
            assertThat(server.rawPost(server.localHost(), "Origin: http://evil.example\r\n", PING))
                    .startsWith("HTTP/1.1 403").contains("DNS rebinding").contains("--allow-origin");
            assertThat(server.rawPost(server.localHost(), "Origin: http://localhost:" + server.server.port()
                    + "\r\n", PING)).startsWith("HTTP/1.1 200");
            assertThat(server.rawPost("127.0.0.1:" + server.server.port(), "", PING)).startsWith("HTTP/1.1 200");
        }
    }

    @Test
    void configuredHostsAndOriginsAreAccepted() throws Exception {
        HttpOptions options = new HttpOptions("127.0.0.1", 0, null, List.of("docs.internal:443"),
                List.of("https://app.internal"), HttpOptions.DEFAULT_MAX_BODY, 0, Duration.ofSeconds(30));
        try (HttpTestServer server = new HttpTestServer(options)) {
            assertThat(server.rawPost("docs.internal:443", "Origin: https://app.internal\r\n", PING))
                    .startsWith("HTTP/1.1 200");
        }
    }

    @Test
    void aTokenIsRequiredWhenConfigured() throws Exception {
        try (HttpTestServer server = new HttpTestServer(HttpOptions.loopback(0).withToken("s3cret"))) {
            assertThat(server.rawPost(server.localHost(), "", PING)).startsWith("HTTP/1.1 401")
                    .contains("WWW-Authenticate: Bearer");
            assertThat(server.rawPost(server.localHost(), "Authorization: Bearer wrong\r\n", PING))
                    .startsWith("HTTP/1.1 401");
            try (McpSyncClient client = server.client("s3cret")) {
                assertThat(client.listTools().tools()).isNotEmpty();
            }
        }
    }

    @Test
    void bindingBeyondLoopbackWithoutATokenIsRefused() {
        HttpOptions open = new HttpOptions("0.0.0.0", 0, null, List.of(), List.of(), HttpOptions.DEFAULT_MAX_BODY, 0,
                Duration.ofSeconds(30));
        assertThatThrownBy(() -> DocsHttpServer.start(HttpTestServer::fixture, open))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--token");
    }

    @Test
    void bodiesOverTheLimitGet413() throws Exception {
        try (HttpTestServer server = new HttpTestServer(HttpOptions.loopback(0))) {
            String huge = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"workos_search\","
                    + "\"arguments\":{\"query\":\"" + "a".repeat(HttpOptions.DEFAULT_MAX_BODY) + "\"}}}";
            assertThat(server.rawPost(server.localHost(), "", huge)).startsWith("HTTP/1.1 413");
            assertThat(server.rawPost(server.localHost(), "", PING)).startsWith("HTTP/1.1 200");
        }
    }

    @Test
    void chunkedBodiesOverTheLimitGet413Too() throws Exception {
        try (HttpTestServer server = new HttpTestServer(HttpOptions.loopback(0).withMaxBodyBytes(1_000))) {
            String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"params\":{\"pad\":\""
                    + "b".repeat(2_000) + "\"}}";
            assertThat(server.rawChunkedPost(body)).startsWith("HTTP/1.1 413");
        }
    }

    @Test
    void aClientOverTheRateLimitGets429() throws Exception {
        try (HttpTestServer server = new HttpTestServer(HttpOptions.loopback(0).withRateLimit(3))) {
            for (int i = 0; i < 3; i++) {
                assertThat(server.rawPost(server.localHost(), "", PING)).startsWith("HTTP/1.1 200");
            }
            assertThat(server.rawPost(server.localHost(), "", PING)).startsWith("HTTP/1.1 429")
                    .contains("Retry-After");
        }
    }

    @Test
    void theBearerSchemeIsCaseInsensitive() throws Exception {
        try (HttpTestServer server = new HttpTestServer(HttpOptions.loopback(0).withToken("s3cret"))) {
            assertThat(server.rawPost(server.localHost(), "Authorization: bearer s3cret\r\n", PING))
                    .startsWith("HTTP/1.1 200");
            assertThat(server.rawPost(server.localHost(), "Authorization: BEARER  s3cret\r\n", PING))
                    .startsWith("HTTP/1.1 200");
            assertThat(server.rawPost(server.localHost(), "Authorization: Basic s3cret\r\n", PING))
                    .startsWith("HTTP/1.1 401");
        }
    }

    @Test
    void wrongTokensCountAgainstTheRateLimit() throws Exception {
        try (HttpTestServer server = new HttpTestServer(HttpOptions.loopback(0).withToken("s3cret")
                .withRateLimit(3))) {
            for (int i = 0; i < 3; i++) {
                assertThat(server.rawPost(server.localHost(), "Authorization: Bearer guess" + i + "\r\n", PING))
                        .startsWith("HTTP/1.1 401");
            }
            assertThat(server.rawPost(server.localHost(), "Authorization: Bearer s3cret\r\n", PING))
                    .startsWith("HTTP/1.1 429");
        }
    }

    @Test
    void aServerOnAnotherLoopbackAddressAnswersItsOwnHost() throws Exception {
        HttpOptions options = new HttpOptions("127.0.0.2", 0, null, List.of(), List.of(),
                HttpOptions.DEFAULT_MAX_BODY, 0, Duration.ofSeconds(30));
        try (HttpTestServer server = new HttpTestServer(options)) {
            String own = "127.0.0.2:" + server.server.port();
            assertThat(server.rawPost("127.0.0.2", own, "", PING)).startsWith("HTTP/1.1 200");
            assertThat(server.rawPost("127.0.0.2", own, "Origin: http://" + own + "\r\n", PING))
                    .startsWith("HTTP/1.1 200");
        }
    }

    @Test
    void onAllInterfacesAPublishedPortAndAccessByAddressWork() throws Exception {
        HttpOptions options = new HttpOptions("0.0.0.0", 0, "s3cret", List.of(), List.of(),
                HttpOptions.DEFAULT_MAX_BODY, 0, Duration.ofSeconds(30));
        try (HttpTestServer server = new HttpTestServer(options)) {
            String auth = "Authorization: Bearer s3cret\r\n";
            // docker run -p 9000:8080: the client names the published port, not the one the server bound.
            assertThat(server.rawPost("localhost:9000", auth, PING)).startsWith("HTTP/1.1 200");
            assertThat(server.rawPost("192.0.2.10:" + server.server.port(), auth, PING)).startsWith("HTTP/1.1 200");
            assertThat(server.rawPost("docs.example.com", auth, PING)).startsWith("HTTP/1.1 200");
            // The token is the guard there; a browser page from elsewhere is still refused.
            assertThat(server.rawPost("localhost:9000", "", PING)).startsWith("HTTP/1.1 401");
            assertThat(server.rawPost("localhost:9000", auth + "Origin: http://evil.example\r\n", PING))
                    .startsWith("HTTP/1.1 403");
        }
    }

    @Test
    void tricklingBodiesNeitherStarveOthersNorStayOpen() throws Exception {
        HttpOptions options = new HttpOptions("127.0.0.1", 0, null, List.of(), List.of(),
                HttpOptions.DEFAULT_MAX_BODY, 0, Duration.ofSeconds(10));
        try (HttpTestServer server = new HttpTestServer(options)) {
            // More slow clients than the server has threads, each sending a byte of its body now and then.
            List<java.net.Socket> slow = new java.util.ArrayList<>();
            try {
                for (int i = 0; i < 250; i++) {
                    java.net.Socket socket = new java.net.Socket("127.0.0.1", server.server.port());
                    socket.setSoTimeout(15_000);
                    socket.getOutputStream().write(("POST /mcp HTTP/1.1\r\nHost: " + server.localHost()
                            + "\r\nContent-Type: application/json\r\nAccept: application/json, text/event-stream"
                            + "\r\nContent-Length: 1000\r\n\r\n{").getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    slow.add(socket);
                }
                for (int round = 0; round < 2; round++) {
                    Thread.sleep(500);
                    for (java.net.Socket socket : slow) {
                        try {
                            socket.getOutputStream().write(' ');
                        } catch (java.io.IOException closed) {
                            // on a slow machine a connection may already have reached its deadline
                        }
                    }
                }
                // Everyone else is still answered at once.
                assertThat(server.rawPost(server.localHost(), "", PING)).startsWith("HTTP/1.1 200");
                // And the slow ones are answered 408 and closed once their time is up, though they keep sending.
                String answer = readUntilClosed(slow.get(0), server);
                assertThat(answer).startsWith("HTTP/1.1 408").contains("did not arrive within 10 s");
            } finally {
                for (java.net.Socket socket : slow) {
                    socket.close();
                }
            }
        }
    }

    @Test
    void aBodyShorterThanItsLengthGets400AtOnce() throws Exception {
        try (HttpTestServer server = new HttpTestServer(HttpOptions.loopback(0));
             java.net.Socket socket = new java.net.Socket("127.0.0.1", server.server.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("POST /mcp HTTP/1.1\r\nHost: " + server.localHost()
                    + "\r\nContent-Type: application/json\r\nAccept: application/json, text/event-stream"
                    + "\r\nContent-Length: 1000\r\n\r\n" + PING).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            socket.shutdownOutput();
            String answer = new String(socket.getInputStream().readAllBytes(),
                    java.nio.charset.StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 400").contains("declared Content-Length");
        }
    }

    @Test
    void tooDeepJsonAndNonObjectArgumentsGetAnswersThatSayWhatToSend() throws Exception {
        try (HttpTestServer server = new HttpTestServer(HttpOptions.loopback(0))) {
            String deep = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"params\":{\"x\":" + "[".repeat(600)
                    + "]".repeat(600) + "}}";
            assertThat(server.rawPost(server.localHost(), "", deep)).startsWith("HTTP/1.1 400")
                    .contains("-32700", "nests deeper than 500 levels").doesNotContain("not valid JSON");
            String array = "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":"
                    + "\"workos_search\",\"arguments\":[\"sso\"]}}";
            assertThat(server.rawPost(server.localHost(), "", array)).contains("-32602", "arguments an object")
                    .doesNotContain("Cannot deserialize", "jackson");
        }
    }

    /** Keeps trickling into {@code socket} until the server answers and closes it; returns the answer. */
    private static String readUntilClosed(java.net.Socket socket, HttpTestServer server) throws Exception {
        java.io.ByteArrayOutputStream answer = new java.io.ByteArrayOutputStream();
        java.io.InputStream in = socket.getInputStream();
        socket.setSoTimeout(500);
        long until = System.nanoTime() + 30_000_000_000L;
        byte[] buffer = new byte[4096];
        while (System.nanoTime() < until) {
            try {
                int n = in.read(buffer);
                if (n < 0) {
                    break;
                }
                answer.write(buffer, 0, n);
            } catch (java.net.SocketTimeoutException more) {
                try {
                    socket.getOutputStream().write(' ');
                } catch (java.io.IOException closed) {
                    break;
                }
            } catch (java.net.SocketException reset) {
                break;
            }
        }
        return answer.toString(java.nio.charset.StandardCharsets.UTF_8);
    }
}
