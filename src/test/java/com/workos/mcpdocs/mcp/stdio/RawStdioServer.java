package com.workos.mcpdocs.mcp.stdio;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The server started as an MCP client starts it (a child JVM running {@code main}), driven line by line with no MCP
 * library in between: what a client that does things in the wrong order, or a hostile one, sees.
 */
final class RawStdioServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final String INITIALIZE = "{\"jsonrpc\":\"2.0\",\"id\":%s,\"method\":\"initialize\",\"params\":"
            + "{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"raw\",\"version\":\"1\"}}}";
    static final String INITIALIZED = "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}";

    private final Process process;
    private final OutputStream stdin;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<String> stderr = Collections.synchronizedList(new ArrayList<>());

    /** A server over {@code docs} with an empty data directory {@code data}; {@code jvm}: extra JVM options. */
    RawStdioServer(Path docs, Path data, String... jvm) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xshare:auto", "-XX:TieredStopAtLevel=1"));
        command.addAll(List.of(jvm));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "com.workos.mcpdocs.cli.Main",
                "--docs", docs.toString(), "--data-dir", data.toString()));
        process = new ProcessBuilder(command).start();
        stdin = process.getOutputStream();
        pump(new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)), lines::add);
        pump(new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8)), stderr::add);
    }

    private static void pump(BufferedReader reader, java.util.function.Consumer<String> sink) {
        Thread thread = new Thread(() -> {
            try {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    sink.accept(line);
                }
            } catch (IOException e) {
                // the process ended
            }
        });
        thread.setDaemon(true);
        thread.start();
    }

    /** Writes {@code messages}, one per line. */
    void send(String... messages) throws IOException {
        for (String message : messages) {
            stdin.write((message + "\n").getBytes(StandardCharsets.UTF_8));
        }
        stdin.flush();
    }

    /** The next line the server writes, as JSON, or {@code null} after {@code seconds}. */
    JsonNode next(int seconds) throws InterruptedException {
        String line = lines.poll(seconds, TimeUnit.SECONDS);
        return line == null ? null : JSON.readTree(line);
    }

    /** Sends {@code initialize} and {@code notifications/initialized} and reads the answer to the first. */
    JsonNode initialize(int id) throws IOException, InterruptedException {
        send(INITIALIZE.formatted(id), INITIALIZED);
        return next(60);
    }

    /** Closes stdin and waits up to {@code seconds} for the process to end; whether it did. */
    boolean closeInputAndWait(int seconds) throws IOException, InterruptedException {
        stdin.close();
        return process.waitFor(seconds, TimeUnit.SECONDS);
    }

    List<String> stderr() {
        return stderr;
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
