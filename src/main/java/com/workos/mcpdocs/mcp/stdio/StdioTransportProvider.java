package com.workos.mcpdocs.mcp.stdio;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpServerSession;
import io.modelcontextprotocol.spec.McpServerTransport;
import io.modelcontextprotocol.spec.McpServerTransportProvider;
import io.modelcontextprotocol.spec.ProtocolVersions;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.exc.StreamConstraintsException;

/**
 * Dispatch: MCP over stdio, each line read ({@link LineReader}), checked ({@link MessageCheck}) and handed to the
 * SDK's server session, or answered here when the session cannot take it. It stands in for the SDK's
 * {@code StdioServerTransportProvider} (2.1.0) because of three behaviours of the SDK:
 * <ul>
 *   <li>Its reader ends at the first line that does not deserialize into a JSON-RPC message, so one bad line from
 *       a client leaves every later request unanswered (the client transport's loop had the same flaw:
 *       modelcontextprotocol/java-sdk#197). Here a bad line is answered with the JSON-RPC error it deserves
 *       and the next line is read.</li>
 *   <li>{@code McpServerSession} holds every request other than {@code initialize} until the client's
 *       {@code notifications/initialized} arrives, {@code ping} included: requests sent earlier wait forever. Here
 *       {@code ping} is answered at any time and any other request before initialization gets an error that says
 *       what to send first.</li>
 *   <li>With immediate execution a tool runs on the reading thread, and Reactor rethrows errors it deems fatal to
 *       the JVM ({@link StackOverflowError}, {@link OutOfMemoryError}) out of {@code subscribe}, past the session's
 *       error handling. Here every {@link Throwable} from handling one message becomes an error answer to that
 *       message, and the next line is read.</li>
 * </ul>
 * Requests the session answers asynchronously run at most {@value #MAX_IN_FLIGHT} at a time: past that, reading
 * pauses, so a client that floods the server slows itself down instead of growing queues. Closing waits for
 * requests in flight (up to {@value #DRAIN_SECONDS} s), so a client that writes its requests and closes stdin still
 * gets its answers. stdout carries nothing but protocol messages.
 */
public final class StdioTransportProvider implements McpServerTransportProvider {

    static final int MAX_LINE_BYTES = 4 << 20;
    static final int MAX_IN_FLIGHT = 64;
    private static final int DRAIN_SECONDS = 10;
    private static final int PARSE_ERROR = -32700;
    private static final Logger log = LoggerFactory.getLogger(StdioTransportProvider.class);

    private final McpJsonMapper json;
    private final LineReader lines;
    private final OutputStream out;
    private final Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
    private final CountDownLatch ended = new CountDownLatch(1);
    private volatile McpServerSession session;
    private volatile boolean closing;
    /** Whether the client sent {@code initialize}, and then {@code notifications/initialized}. */
    private boolean initializeSent;
    private boolean initialized;

    public StdioTransportProvider(McpJsonMapper json, InputStream in, OutputStream out) {
        this.json = json;
        this.lines = new LineReader(in, MAX_LINE_BYTES);
        this.out = out;
    }

    /** Every version the tools, resources and prompts here work with, oldest first (the last is preferred). */
    @Override
    public List<String> protocolVersions() {
        return List.of(ProtocolVersions.MCP_2024_11_05, ProtocolVersions.MCP_2025_03_26,
                ProtocolVersions.MCP_2025_06_18, ProtocolVersions.MCP_2025_11_25);
    }

    @Override
    public void setSessionFactory(McpServerSession.Factory factory) {
        session = factory.create(new SessionTransport());
        Thread reader = new Thread(this::readLoop, "mcp-stdio-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** Waits until the input ends (the client closed it) or cannot be read any more. */
    public void awaitEnd() throws InterruptedException {
        ended.await();
    }

    @Override
    public Mono<Void> notifyClients(String method, Object params) {
        McpServerSession current = session;
        return current == null ? Mono.empty() : current.sendNotification(method, params);
    }

    @Override
    public Mono<Void> closeGracefully() {
        return Mono.fromRunnable(() -> {
            closing = true;
            try {
                // Every permit back means no request is still being answered.
                if (inFlight.tryAcquire(MAX_IN_FLIGHT, DRAIN_SECONDS, TimeUnit.SECONDS)) {
                    inFlight.release(MAX_IN_FLIGHT);
                } else {
                    log.warn("closing with requests still running after {} s", DRAIN_SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }).then(Mono.defer(() -> session == null ? Mono.empty() : session.closeGracefully()));
    }

    private void readLoop() {
        try {
            for (LineReader.Line line = lines.next(); line != null; line = lines.next()) {
                if (line.tooLong()) {
                    sendError(null, McpSchema.ErrorCodes.INVALID_REQUEST, "message larger than " + MAX_LINE_BYTES
                            + " bytes; send smaller messages.");
                } else if (!line.text().isBlank()) {
                    try {
                        accept(line.text());
                    } catch (InterruptedException e) {
                        throw e;
                    } catch (Throwable e) {
                        // Whatever one message does, the next line is still read.
                        log.error("could not read a message: {}", e.toString());
                    }
                }
            }
        } catch (IOException e) {
            if (!closing) {
                log.warn("stdin failed: {}", e.toString());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Throwable e) {
            log.error("stopped reading stdin: {}", e.toString());
        } finally {
            ended.countDown();
        }
    }

    /** One line from the client: checked, then handed to the session, or answered with what was wrong. */
    private void accept(String line) throws InterruptedException {
        McpSchema.JSONRPCMessage message = read(line);
        if (message == null) {
            return;
        }
        if (!initialized && !admitBeforeInitialized(message)) {
            return;
        }
        deliver(message);
    }

    /**
     * Whether a message that comes before the client finished initializing goes to the session: {@code initialize}
     * itself, notifications and responses do; {@code ping} is answered here, anything else with what to send first.
     */
    private boolean admitBeforeInitialized(McpSchema.JSONRPCMessage message) {
        if (message instanceof McpSchema.JSONRPCNotification notification) {
            if (McpSchema.METHOD_NOTIFICATION_INITIALIZED.equals(notification.method())) {
                if (!initializeSent) {
                    return false; // nothing to confirm yet: the session would start without a client
                }
                initialized = true;
            }
            return true;
        }
        if (!(message instanceof McpSchema.JSONRPCRequest request)) {
            return true;
        }
        switch (request.method()) {
            case McpSchema.METHOD_INITIALIZE -> {
                initializeSent = true;
                return true;
            }
            case McpSchema.METHOD_PING -> {
                send(new McpSchema.JSONRPCResponse(McpSchema.JSONRPC_VERSION, request.id(), Map.of(), null));
                return false;
            }
            default -> {
                sendError(request.id(), McpSchema.ErrorCodes.INVALID_REQUEST, initializeSent
                        ? "'" + request.method() + "' before notifications/initialized: send that notification "
                                + "after the answer to initialize, then this request."
                        : "'" + request.method() + "' before initialize: send initialize first, then "
                                + "notifications/initialized, then this request.");
                return false;
            }
        }
    }

    /** Whether a parse failed on Jackson's nesting limit rather than on the text's syntax. */
    private static boolean tooDeep(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof StreamConstraintsException && String.valueOf(t.getMessage()).contains("depth")) {
                return true;
            }
        }
        return false;
    }

    /** The message on {@code line}, or {@code null} when it was answered with what was wrong (or needs no answer). */
    private McpSchema.JSONRPCMessage read(String line) {
        Object value;
        try {
            value = json.readValue(line, Object.class);
        } catch (Exception e) {
            sendError(null, PARSE_ERROR, tooDeep(e) ? "the message nests deeper than "
                    + StreamReadConstraints.defaults().getMaxNestingDepth() + " levels of arrays and objects, far "
                    + "more than any MCP message needs; send it flatter." : "not valid JSON; send one JSON-RPC "
                    + "message per line.");
            return null;
        }
        MessageCheck.Problem problem = MessageCheck.check(value);
        if (problem != null) {
            if (problem.answer()) {
                sendError(problem.id(), problem.code(), problem.message());
            }
            return null;
        }
        try {
            return message((Map<?, ?>) value, line);
        } catch (Exception e) {
            // A response is never answered, not even a malformed one (JSON-RPC 2.0).
            if (!MessageCheck.isResponse(value)) {
                sendError(MessageCheck.usableId(value), McpSchema.ErrorCodes.INVALID_REQUEST,
                        "not a JSON-RPC 2.0 message: check the types of 'id', 'method' and 'params'.");
            }
            return null;
        }
    }

    /**
     * The message a checked JSON object is. Requests and notifications are made from the object as read, since the
     * SDK's reader would parse the line a second time; a client's responses (rare) go through the SDK's reader.
     */
    private McpSchema.JSONRPCMessage message(Map<?, ?> value, String line) throws IOException {
        Object method = value.get("method");
        if (method instanceof String name) {
            Object params = value.get("params");
            return value.containsKey("id")
                    ? new McpSchema.JSONRPCRequest(McpSchema.JSONRPC_VERSION, name, value.get("id"), params)
                    : new McpSchema.JSONRPCNotification(McpSchema.JSONRPC_VERSION, name, params);
        }
        return McpSchema.deserializeJsonRpcMessage(json, line);
    }

    /** Hands {@code message} to the session, which answers it in its own time. */
    private void deliver(McpSchema.JSONRPCMessage message) throws InterruptedException {
        Object id = message instanceof McpSchema.JSONRPCRequest request ? request.id() : null;
        inFlight.acquire();
        try {
            session.handle(message)
                    .onErrorResume(e -> {
                        // The session answers handler failures itself; this is the last net for anything else.
                        failed(id, e);
                        return Mono.empty();
                    })
                    .doFinally(signal -> inFlight.release())
                    .subscribe();
        } catch (Throwable e) {
            inFlight.release();
            failed(id, e);
        }
    }

    private void failed(Object id, Throwable e) {
        log.error("could not handle a message: {}", e.toString());
        if (id != null) {
            sendError(id, McpSchema.ErrorCodes.INTERNAL_ERROR, "internal error: " + abbreviate(e.toString()));
        }
    }

    /**
     * Answers with an error; {@code id} is {@code null} when the message had no usable one (the SDK's response
     * type refuses a null id, which JSON-RPC requires here, so the answer is written as a plain map).
     */
    private void sendError(Object id, int code, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("jsonrpc", McpSchema.JSONRPC_VERSION);
        error.put("id", id);
        error.put("error", Map.of("code", code, "message", message));
        send(error);
    }

    /** Writes one message and its line break, straight to UTF-8 bytes. */
    private void send(Object message) {
        byte[] bytes;
        try {
            bytes = json.writeValueAsBytes(message);
        } catch (IOException e) {
            log.warn("could not write a message: {}", e.toString());
            return;
        }
        try {
            synchronized (out) {
                out.write(bytes);
                out.write('\n');
                out.flush();
            }
        } catch (IOException e) {
            if (!closing) {
                log.warn("could not write to stdout: {}", e.toString());
            }
        }
    }

    private static String abbreviate(String s) {
        String line = s.lines().findFirst().orElse("");
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }

    /** The session's side of the connection: writes go to stdout, one message per line. */
    private final class SessionTransport implements McpServerTransport {
        @Override
        public Mono<Void> sendMessage(McpSchema.JSONRPCMessage message) {
            return Mono.fromRunnable(() -> send(message));
        }

        @Override
        public <T> T unmarshalFrom(Object data, TypeRef<T> type) {
            return json.convertValue(data, type);
        }

        @Override
        public Mono<Void> closeGracefully() {
            return Mono.fromRunnable(() -> closing = true);
        }

        @Override
        public List<String> protocolVersions() {
            return StdioTransportProvider.this.protocolVersions();
        }
    }
}
