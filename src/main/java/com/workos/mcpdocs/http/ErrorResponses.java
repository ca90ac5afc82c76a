package com.workos.mcpdocs.http;

import io.modelcontextprotocol.json.McpJsonDefaults;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.exc.StreamConstraintsException;

/**
 * Turns the SDK servlet's error answers into JSON-RPC errors. The SDK (2.1.0) answers a malformed message by
 * serialising the {@code McpError} exception itself: a stack trace and internal class names go to the client, and
 * there is no {@code jsonrpc}/{@code id}. This wrapper captures any 4xx/5xx body and the caller replaces it with a
 * short JSON-RPC error carrying the request's id.
 */
final class ErrorResponses extends HttpServletResponseWrapper {

    private int status = 200;
    /** What the transport said with {@code sendError}: its security validator's messages are meant for clients. */
    private String sentMessage;
    private ByteArrayOutputStream captured;
    private PrintWriter writer;

    ErrorResponses(HttpServletResponse response) {
        super(response);
    }

    @Override
    public void setStatus(int sc) {
        status = sc;
        super.setStatus(sc);
    }

    @Override
    public void sendError(int sc, String msg) {
        status = sc;
        sentMessage = msg;
        captured = new ByteArrayOutputStream();
    }

    @Override
    public void sendError(int sc) {
        sendError(sc, null);
    }

    private boolean capturing() {
        if (captured == null && status >= 400) {
            captured = new ByteArrayOutputStream();
        }
        return captured != null;
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
        if (!capturing()) {
            return super.getOutputStream();
        }
        return new ServletOutputStream() {
            @Override
            public void write(int b) {
                captured.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                captured.write(b, off, len);
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(WriteListener listener) {
                throw new UnsupportedOperationException("error bodies are written synchronously");
            }
        };
    }

    @Override
    public PrintWriter getWriter() throws IOException {
        if (!capturing()) {
            return super.getWriter();
        }
        if (writer == null) {
            writer = new PrintWriter(new OutputStreamWriter(captured, StandardCharsets.UTF_8));
        }
        return writer;
    }

    @Override
    public void flushBuffer() throws IOException {
        if (captured == null) {
            super.flushBuffer();
        }
    }

    /** Whether the wrapped servlet answered with an error whose body was held back. */
    boolean heldBackError() {
        return captured != null;
    }

    /**
     * Writes the JSON-RPC error in place of what the SDK wrote: a parse error (-32700) for a body that is not JSON,
     * else an error echoing the request's id.
     *
     * @param body the request body as received
     */
    void writeJsonRpcError(byte[] body) throws IOException {
        if (sentMessage != null && (status == 403 || status == 421)) {
            write(status, null, -32600, sentMessage); // a refusal by HostAndOrigin, which says what to do
            return;
        }
        Object parsed;
        try {
            parsed = McpJsonDefaults.getMapper().readValue(body, Object.class);
        } catch (IOException | RuntimeException e) {
            write(400, null, -32700, tooDeep(e) ? "Parse error: the request body nests deeper than "
                    + StreamReadConstraints.defaults().getMaxNestingDepth() + " levels of arrays and objects, far "
                    + "more than any MCP message needs; send it flatter." : "Parse error: the request body is not "
                    + "valid JSON; send one JSON-RPC 2.0 object such as {\"jsonrpc\": \"2.0\", \"id\": 1, "
                    + "\"method\": \"tools/list\"}.");
            return;
        }
        Map<?, ?> request = parsed instanceof Map<?, ?> map ? map : null;
        Object id = request == null ? null : request.get("id");
        if (!(id instanceof String) && !(id instanceof Number)) {
            id = null;
        }
        Object method = request == null ? null : request.get("method");
        if (id != null && method instanceof String name && "2.0".equals(request.get("jsonrpc"))) {
            // A well-formed request whose params the SDK could not read: that is the client's invalid params.
            write(200, id, -32602, "Invalid params for '" + abbreviate(name) + "': check the parameter types "
                    + "against the method's schema (e.g. params must be an object, tool arguments an object).");
        } else {
            write(status >= 500 ? 400 : status, id, -32600, "Invalid request: send one JSON-RPC 2.0 object with "
                    + "\"jsonrpc\": \"2.0\", a string \"method\" and, for requests, a string or number \"id\".");
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

    private void write(int httpStatus, Object id, int code, String message) throws IOException {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("message", message);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("jsonrpc", "2.0");
        body.put("id", id);
        body.put("error", error);
        HttpServletResponse response = (HttpServletResponse) getResponse();
        response.resetBuffer();
        response.setStatus(httpStatus);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        byte[] bytes = McpJsonDefaults.getMapper().writeValueAsBytes(body);
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    private static String abbreviate(String s) {
        String printable = s.codePoints().filter(c -> c >= 0x20 && c != 0x7f).limit(100)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return printable;
    }
}
