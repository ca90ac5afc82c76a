package com.workos.mcpdocs.mcp.stdio;

import com.workos.mcpdocs.mcp.Arguments;
import com.workos.mcpdocs.mcp.Handshake;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpServerSession;
import io.modelcontextprotocol.spec.McpServerTransport;
import io.modelcontextprotocol.spec.McpServerTransportProvider;
import io.modelcontextprotocol.spec.ProtocolVersions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.exc.StreamConstraintsException;

/**
 * MCP over stdio (newline-delimited JSON-RPC) that survives whatever a client writes. The SDK's own stdio provider
 * (2.1.0) stops reading for good at the first line that is not a JSON-RPC message, so one bad line from a client
 * leaves every later request unanswered. Here each line is checked on its own: a line that is not JSON is answered
 * with a parse error, a JSON value that is not a valid message with an invalid-request error (carrying the id when
 * the line has a usable one), and the server reads on. Lines over {@value #MAX_LINE_BYTES} bytes are refused
 * without being held in memory.
 *
 * <p>Requests a session answers asynchronously run concurrently, at most {@value #MAX_IN_FLIGHT} at a time: past
 * that, reading pauses, so a client that floods the server slows itself down instead of growing the server's
 * queues (the docs server answers its calls on the reading thread, one after the other: they take milliseconds).
 * Closing waits for requests in flight (up to {@value #DRAIN_SECONDS} s), so a client that writes its requests and
 * closes stdin still gets its answers. stdout carries nothing but protocol messages.
 *
 * <p>Given a {@link Handshake}, the transport reads from the moment it is made and answers a plain first
 * {@code initialize} request itself ({@link EarlyInitialize}) while the server is still being built; the request then
 * goes to the session like any other, and the session's own answer to it is dropped. Every other line waits for the
 * session.
 */
public final class ResilientStdioTransportProvider implements McpServerTransportProvider {

    static final int MAX_LINE_BYTES = 4 << 20;
    static final int MAX_IN_FLIGHT = 64;
    private static final int DRAIN_SECONDS = 10;
    private static final int PARSE_ERROR = -32700;
    private static final TypeRef<McpSchema.InitializeRequest> INITIALIZE_REQUEST = new TypeRef<>() {
    };
    private static final Logger log = LoggerFactory.getLogger(ResilientStdioTransportProvider.class);

    private final Supplier<McpJsonMapper> jsonSource;
    private volatile McpJsonMapper json;
    private final LineReader lines;
    private final OutputStream out;
    private final Handshake early;
    private final CompletableFuture<McpServerSession> sessionReady = new CompletableFuture<>();
    private final AtomicBoolean reading = new AtomicBoolean();
    /** The id of the request answered early, while the session's answer to it is still to be dropped. */
    private volatile Object answeredEarly;
    private final Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
    private volatile McpServerSession session;
    private volatile boolean closing;

    public ResilientStdioTransportProvider(McpJsonMapper json, InputStream in, OutputStream out) {
        this(() -> json, in, out, null);
    }

    /**
     * A transport that answers a first {@code initialize} with {@code early} before its server is built (when
     * {@code early} is not {@code null}); {@code json} is asked for the mapper only when a message needs it.
     */
    public ResilientStdioTransportProvider(Supplier<McpJsonMapper> json, InputStream in, OutputStream out,
                                           Handshake early) {
        this.jsonSource = json;
        this.lines = new LineReader(in, MAX_LINE_BYTES);
        this.out = out;
        this.early = early;
        if (early != null) {
            startReading();
        }
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
        sessionReady.complete(session);
        startReading();
    }

    private void startReading() {
        if (reading.compareAndSet(false, true)) {
            Thread reader = new Thread(this::readLoop, "mcp-stdio-reader");
            reader.setDaemon(true);
            reader.start();
        }
    }

    private McpJsonMapper json() {
        McpJsonMapper mapper = json;
        if (mapper == null) {
            mapper = jsonSource.get();
            json = mapper;
        }
        return mapper;
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
            LineReader.Line line = lines.next();
            if (early != null) {
                while (line != null && !line.tooLong() && line.text().isBlank()) {
                    line = lines.next();
                }
                String answer = line == null || line.tooLong() ? null
                        : EarlyInitialize.answer(line.text(), protocolVersions(), early);
                if (answer != null) {
                    write(answer.getBytes(StandardCharsets.UTF_8));
                    // Read it for the session now, while the server is still being built: the first use of the JSON
                    // mapper for these types costs more than the rest of the session's handling.
                    McpSchema.JSONRPCMessage first = read(line.text());
                    if (first instanceof McpSchema.JSONRPCRequest request) {
                        try {
                            json().convertValue(request.params(), INITIALIZE_REQUEST);
                        } catch (RuntimeException e) {
                            // The session reads it again and answers what is wrong.
                        }
                    }
                    sessionReady.get();
                    if (first != null) {
                        deliver(first, true);
                    }
                    line = lines.next();
                }
            }
            sessionReady.get();
            for (; line != null; line = lines.next()) {
                if (line.tooLong()) {
                    sendError(null, McpSchema.ErrorCodes.INVALID_REQUEST, "message larger than " + MAX_LINE_BYTES
                            + " bytes; send smaller messages.");
                } else if (!line.text().isBlank()) {
                    accept(line.text());
                }
            }
        } catch (ExecutionException e) {
            log.warn("the server was not built: {}", e.getCause().toString());
        } catch (IOException e) {
            if (!closing) {
                log.warn("stdin failed: {}", e.toString());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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

    /** One line from the client: checked, then handed to the session, or answered with what was wrong. */
    private void accept(String line) throws InterruptedException {
        McpSchema.JSONRPCMessage message = read(line);
        if (message != null) {
            deliver(message, false);
        }
    }

    /** The message on {@code line}, or {@code null} when it was answered with what was wrong (or needs no answer). */
    private McpSchema.JSONRPCMessage read(String line) {
        Object value;
        try {
            value = json().readValue(line, Object.class);
        } catch (Exception e) {
            sendError(null, PARSE_ERROR, tooDeep(e) ? "the message nests deeper than "
                    + StreamReadConstraints.defaults().getMaxNestingDepth() + " levels of arrays and objects, far "
                    + "more than any MCP message needs; send it flatter." : "not valid JSON; send one JSON-RPC "
                    + "message per line.");
            return null;
        }
        try {
            Problem problem = MessageShape.check(value);
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
                if (!MessageShape.isResponse(value)) {
                    sendError(MessageShape.usableId(value), McpSchema.ErrorCodes.INVALID_REQUEST,
                            "not a JSON-RPC 2.0 message: check the types of 'id', 'method' and 'params'.");
                }
                return null;
            }
        } catch (RuntimeException e) {
            // Whatever one message does, the next line is still read.
            log.warn("could not read a message: {}", e.toString());
            sendError(MessageShape.usableId(value), McpSchema.ErrorCodes.INTERNAL_ERROR, "internal error: "
                    + abbreviate(e.getMessage()));
            return null;
        }
    }

    /**
     * The message a checked JSON object is. Requests and notifications are made from the object as read: the SDK's
     * reader would parse the line a second time and convert the map it gets into the message (both parses and the
     * conversion measured four times one parse). A client's responses (rare) go through the SDK's reader.
     */
    private McpSchema.JSONRPCMessage message(Map<?, ?> value, String line) throws IOException {
        Object method = value.get("method");
        if (method instanceof String name) {
            Object params = value.get("params");
            return value.containsKey("id")
                    ? new McpSchema.JSONRPCRequest(McpSchema.JSONRPC_VERSION, name, value.get("id"), params)
                    : new McpSchema.JSONRPCNotification(McpSchema.JSONRPC_VERSION, name, params);
        }
        return McpSchema.deserializeJsonRpcMessage(json(), line);
    }

    /**
     * Hands {@code message} to the session, which answers it in its own time. {@code answered}: the message is the
     * {@code initialize} request answered early, so the session's answer is dropped.
     */
    private void deliver(McpSchema.JSONRPCMessage message, boolean answered) throws InterruptedException {
        Object id = message instanceof McpSchema.JSONRPCRequest request ? request.id() : null;
        inFlight.acquire();
        if (answered) {
            answeredEarly = id;
        }
        try {
            session.handle(message)
                    .onErrorResume(e -> {
                        // The session answers handler failures itself; this is the last net for anything else.
                        log.warn("could not handle a message: {}", e.toString());
                        if (id != null) {
                            sendError(id, McpSchema.ErrorCodes.INTERNAL_ERROR, "internal error: "
                                    + abbreviate(e.getMessage()));
                        }
                        return Mono.empty();
                    })
                    .doFinally(signal -> inFlight.release())
                    .subscribe();
        } catch (RuntimeException e) {
            inFlight.release();
            log.warn("could not handle a message: {}", e.toString());
            if (id != null) {
                sendError(id, McpSchema.ErrorCodes.INTERNAL_ERROR, "internal error: " + abbreviate(e.getMessage()));
            }
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
        send(error).subscribe();
    }

    private Mono<Void> send(Object message) {
        return Mono.fromRunnable(() -> {
            byte[] bytes;
            try {
                // Straight to UTF-8, without a string in between (a 10 KB search answer: about 100 -> 85 us with C1);
                // half a surrogate pair is written as an escape (StdioAnswersTest).
                bytes = json().writeValueAsBytes(message);
            } catch (IOException e) {
                log.warn("could not write a message: {}", e.toString());
                return;
            }
            write(bytes);
        });
    }

    /** Writes one message and its line break. */
    private void write(byte[] message) {
        try {
            synchronized (out) {
                out.write(message);
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
        if (s == null) {
            return "";
        }
        String line = s.lines().findFirst().orElse("");
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }

    /** The session's side of the connection: writes go to stdout, one message per line. */
    private final class SessionTransport implements McpServerTransport {
        @Override
        public Mono<Void> sendMessage(McpSchema.JSONRPCMessage message) {
            Object early = answeredEarly;
            if (early != null && message instanceof McpSchema.JSONRPCResponse response
                    && early.equals(response.id())) {
                answeredEarly = null;
                if (response.error() != null) {
                    log.warn("initialize was answered early, but the server refused it: {}",
                            response.error().message());
                }
                return Mono.empty();
            }
            return send(message);
        }

        @Override
        public <T> T unmarshalFrom(Object data, TypeRef<T> type) {
            return json().convertValue(data, type);
        }

        @Override
        public Mono<Void> closeGracefully() {
            return Mono.fromRunnable(() -> closing = true);
        }

        @Override
        public List<String> protocolVersions() {
            return ResilientStdioTransportProvider.this.protocolVersions();
        }
    }

    /**
     * Why a JSON value is not a message the session can take, and whether (and how) to answer: JSON-RPC 2.0 answers
     * every invalid message (with a null id when it has no usable one), except notifications, which never get one.
     */
    record Problem(boolean answer, Object id, int code, String message) {
    }

    /** Checks the JSON-RPC 2.0 shape before the SDK sees a message, so its failures cannot reach the session. */
    static final class MessageShape {

        private MessageShape() {
        }

        /** {@code null} when {@code value} is a well-formed request, notification or response. */
        static Problem check(Object value) {
            if (!(value instanceof Map<?, ?> message)) {
                return new Problem(true, null, McpSchema.ErrorCodes.INVALID_REQUEST,
                        "a JSON-RPC message is a JSON object (batches are not part of MCP); got "
                                + Arguments.typeName(value) + ".");
            }
            Object id = usableId(message);
            boolean hasId = message.containsKey("id");
            if (!"2.0".equals(message.get("jsonrpc"))) {
                return new Problem(true, id, McpSchema.ErrorCodes.INVALID_REQUEST, "'jsonrpc' must be \"2.0\".");
            }
            if (hasId && id == null) {
                return new Problem(true, null, McpSchema.ErrorCodes.INVALID_REQUEST,
                        "'id' must be a string or an integer.");
            }
            Object method = message.get("method");
            if (method == null) {
                if (isResponse(message)) {
                    return null; // a client's answer to a server request
                }
                return new Problem(true, id, McpSchema.ErrorCodes.INVALID_REQUEST,
                        "a request needs a 'method' (a string).");
            }
            if (!(method instanceof String)) {
                return new Problem(true, id, McpSchema.ErrorCodes.INVALID_REQUEST, "'method' must be a string.");
            }
            Object params = message.get("params");
            if (params != null && !(params instanceof Map)) {
                // A notification gets no answer, even a bad one.
                return new Problem(hasId, id, McpSchema.ErrorCodes.INVALID_PARAMS,
                        "'params' must be an object; got " + Arguments.typeName(params) + ".");
            }
            // The SDK reads these into a map and answers anything else with an internal error carrying Jackson's
            // exception text.
            if (params instanceof Map<?, ?> p && p.get("arguments") != null && !(p.get("arguments") instanceof Map)
                    && ("tools/call".equals(method) || "prompts/get".equals(method))) {
                return new Problem(hasId, id, McpSchema.ErrorCodes.INVALID_PARAMS,
                        "'arguments' must be an object of named arguments, such as {\"query\": \"sso\"}; got "
                                + Arguments.typeName(p.get("arguments")) + ".");
            }
            return null;
        }

        /** Whether {@code value} has the shape of a response (an id, no method, a result or an error). */
        static boolean isResponse(Object value) {
            return value instanceof Map<?, ?> message && usableId(message) != null && message.get("method") == null
                    && (message.containsKey("result") || message.containsKey("error"));
        }

        /** The message's id when it is one a response may carry (a string or an integer), else {@code null}. */
        static Object usableId(Object value) {
            if (!(value instanceof Map<?, ?> message)) {
                return null;
            }
            Object id = message.get("id");
            if (id instanceof String || id instanceof Integer || id instanceof Long
                    || id instanceof java.math.BigInteger) {
                return id;
            }
            return null;
        }
    }

    /** Newline-delimited lines from a byte stream, with a bound on how much of one line is kept. */
    static final class LineReader {

        /** A line, or the fact that one was too long (its bytes were skipped). */
        record Line(String text, boolean tooLong) {
        }

        private final InputStream in;
        private final int maxBytes;
        private final byte[] buffer = new byte[64 * 1024];
        private int position;
        private int limit;

        LineReader(InputStream in, int maxBytes) {
            this.in = in;
            this.maxBytes = maxBytes;
        }

        /** The next line without its line break, or {@code null} at the end of the stream. */
        Line next() throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            boolean tooLong = false;
            boolean sawAny = false;
            while (true) {
                if (position == limit) {
                    limit = in.read(buffer, 0, buffer.length);
                    position = 0;
                    if (limit <= 0) {
                        limit = 0;
                        return sawAny ? finish(line, tooLong) : null;
                    }
                }
                sawAny = true;
                int start = position;
                while (position < limit && buffer[position] != '\n') {
                    position++;
                }
                int length = position - start;
                if (!tooLong) {
                    if (line.size() + length > maxBytes) {
                        tooLong = true;
                        line = new ByteArrayOutputStream();
                    } else {
                        line.write(buffer, start, length);
                    }
                }
                if (position < limit) {
                    position++; // the newline
                    return finish(line, tooLong);
                }
            }
        }

        private static Line finish(ByteArrayOutputStream line, boolean tooLong) {
            if (tooLong) {
                return new Line("", true);
            }
            String text = line.toString(StandardCharsets.UTF_8);
            return new Line(text.endsWith("\r") ? text.substring(0, text.length() - 1) : text, false);
        }
    }
}
