package com.workos.mcpdocs.mcp;

import com.workos.mcpdocs.App;
import com.workos.mcpdocs.McpTestServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The stdio server in this process, built by the composition root as {@code main} builds it, over the fixture corpus:
 * the client's side of its stdin, and its stdout line by line, as a client would read it.
 */
public final class StdioSession implements AutoCloseable {

    private final PipedOutputStream client = new PipedOutputStream();
    private final BlockingQueue<byte[]> lines = new LinkedBlockingQueue<>();
    private final Thread server;

    /** A server over the fixture corpus ({@code data}: an empty data directory). */
    public StdioSession(Path data) throws IOException {
        this(App.of(McpTestServer.fixtureDir(), data));
    }

    public StdioSession(App app) throws IOException {
        PipedInputStream stdin = new PipedInputStream(client, 1 << 16);
        OutputStream stdout = new OutputStream() {
            private final ByteArrayOutputStream line = new ByteArrayOutputStream();

            @Override
            public void write(int b) {
                if (b == '\n') {
                    lines.add(line.toByteArray());
                    line.reset();
                } else {
                    line.write(b);
                }
            }
        };
        server = new Thread(() -> {
            try {
                app.serveStdio(stdin, stdout);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "stdio-session");
        server.setDaemon(true);
        server.start();
    }

    /** Writes {@code text} (whole lines) to the server's stdin. */
    public void send(String text) throws IOException {
        client.write(text.getBytes(StandardCharsets.UTF_8));
        client.flush();
    }

    /** The next whole line's bytes (without its line break), or {@code null} after {@code seconds}. */
    public byte[] next(int seconds) throws InterruptedException {
        return lines.poll(seconds, TimeUnit.SECONDS);
    }

    /** The next whole line as UTF-8 text, or {@code null} after {@code seconds}. */
    public String nextText(int seconds) throws InterruptedException {
        byte[] bytes = next(seconds);
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException, InterruptedException {
        client.close();
        server.join(15_000);
    }
}
