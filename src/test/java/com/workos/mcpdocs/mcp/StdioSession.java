package com.workos.mcpdocs.mcp;

import com.workos.mcpdocs.corpus.CorpusInfo;
import com.workos.mcpdocs.mcp.stdio.ResilientStdioTransportProvider;
import com.workos.mcpdocs.service.Services;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.server.McpSyncServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The stdio server in this process, without the answer to {@code initialize} that a server started from the command
 * line writes early: the client's side of its stdin, and its stdout line by line, as a client would read it.
 */
public final class StdioSession implements AutoCloseable {

    private final PipedOutputStream client = new PipedOutputStream();
    private final BlockingQueue<byte[]> lines = new LinkedBlockingQueue<>();
    private final McpSyncServer server;

    public StdioSession(Services services, CorpusInfo corpus) throws IOException {
        this(services, corpus, null);
    }

    /** @param quiet what the server waits for before it lists the pages as resources ({@code null}: its default) */
    public StdioSession(Services services, CorpusInfo corpus, BooleanSupplier quiet) throws IOException {
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
        server = DocsMcpServer.create(() -> services, corpus,
                new ResilientStdioTransportProvider(McpJsonDefaults.getMapper(), stdin, stdout), quiet);
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
    public void close() throws IOException {
        client.close();
        server.closeGracefully();
    }
}
