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
                    .contains("not allowed");
            assertThat(server.rawPost(server.localHost(), "Origin: http://evil.example\r\n", PING))
                    .startsWith("HTTP/1.1 403").contains("DNS rebinding");
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
}
