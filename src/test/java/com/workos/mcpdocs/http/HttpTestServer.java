package com.workos.mcpdocs.http;

import com.workos.mcpdocs.App;
import com.workos.mcpdocs.McpTestServer;
import com.workos.mcpdocs.service.Services;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.json.McpJsonDefaults;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** The HTTP server in this JVM over the fixture corpus, on a free loopback port, with helpers to reach it. */
final class HttpTestServer implements AutoCloseable {

    private static Services fixtureServices;

    final DocsHttpServer server;

    HttpTestServer(HttpOptions options) throws Exception {
        server = DocsHttpServer.start(HttpTestServer::fixture, options);
    }

    static synchronized Services fixture() {
        if (fixtureServices == null) {
            try {
                fixtureServices = App.of(McpTestServer.fixtureDir(), null).services();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return fixtureServices;
    }

    String mcpUrl() {
        return server.baseUrl() + DocsHttpServer.MCP_PATH;
    }

    /** The SDK's own Streamable HTTP client, initialized. */
    McpSyncClient client(String token) {
        HttpClientStreamableHttpTransport.Builder transport = HttpClientStreamableHttpTransport
                .builder(server.baseUrl())
                .endpoint(DocsHttpServer.MCP_PATH)
                .jsonMapper(McpJsonDefaults.getMapper());
        if (token != null) {
            transport.httpRequestCustomizer((builder, method, uri, body, context) ->
                    builder.header("Authorization", "Bearer " + token));
        }
        McpSyncClient client = McpClient.sync(transport.build())
                .requestTimeout(Duration.ofSeconds(30))
                .build();
        client.initialize();
        return client;
    }

    /**
     * A raw HTTP/1.1 POST with exactly these headers (java.net.http forbids setting Host, which is what DNS
     * rebinding tests need). Returns the status line and body.
     */
    String rawPost(String hostHeader, String extraHeaders, String body) throws IOException {
        return rawPost("127.0.0.1", hostHeader, extraHeaders, body);
    }

    /** As {@link #rawPost(String, String, String)}, connecting to {@code address}. */
    String rawPost(String address, String hostHeader, String extraHeaders, String body) throws IOException {
        try (Socket socket = new Socket(address, server.port())) {
            socket.setSoTimeout(30_000);
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            String request = "POST " + DocsHttpServer.MCP_PATH + " HTTP/1.1\r\n"
                    + "Host: " + hostHeader + "\r\n"
                    + "Content-Type: application/json\r\n"
                    + "Accept: application/json, text/event-stream\r\n"
                    + extraHeaders
                    + "Content-Length: " + bytes.length + "\r\n"
                    + "Connection: close\r\n\r\n";
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            // The server may answer from the headers alone (413 on the declared length) and close while the body
            // is still being written: write it alongside reading, and keep the answer when the write then fails.
            Thread writer = new Thread(() -> {
                try {
                    out.write(bytes);
                    out.flush();
                } catch (IOException refused) {
                    // the server stopped reading: its answer is what the test looks at
                }
            }, "raw-post-body");
            writer.start();
            String answer = readAnswer(socket.getInputStream());
            try {
                writer.join(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return answer;
        }
    }

    /** Everything the server sent, up to its close or a reset that follows its answer. */
    private static String readAnswer(InputStream in) throws IOException {
        java.io.ByteArrayOutputStream answer = new java.io.ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                answer.write(buffer, 0, n);
            }
        } catch (java.net.SocketException reset) {
            if (answer.size() == 0) {
                throw reset;
            }
        }
        return answer.toString(StandardCharsets.UTF_8);
    }

    /** A POST with a chunked body (no Content-Length), as a client hiding its body size would send. */
    String rawChunkedPost(String body) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(30_000);
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + DocsHttpServer.MCP_PATH + " HTTP/1.1\r\nHost: " + localHost() + "\r\n"
                    + "Content-Type: application/json\r\nAccept: application/json, text/event-stream\r\n"
                    + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.write((Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(bytes);
            out.write("\r\n0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    String localHost() {
        return "localhost:" + server.port();
    }

    @Override
    public void close() {
        server.close();
    }
}
