package com.workos.mcpdocs.mcp.stdio;

import com.workos.mcpdocs.mcp.DocsMcpServer;
import com.workos.mcpdocs.mcp.Handshake;
import java.io.StringWriter;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * The answer to a client's {@code initialize} request, written with Jackson's streaming parser and generator alone.
 * An MCP client starts its servers when the editor opens and waits for this answer; building the SDK's server
 * (Jackson data binding, Reactor, the schema types) takes most of the JVM's start-up, so the stdio transport answers
 * a well-formed {@code initialize} with this while the server is being built, then hands the same request to the
 * session (whose own answer is dropped) so the session knows its client as usual.
 *
 * <p>Only the plain case is answered here: a JSON-RPC 2.0 request with a string id or an integer id within the
 * range of a long, method {@code initialize}, and params with a string {@code protocolVersion}, an object
 * {@code capabilities} and a {@code clientInfo} object with string {@code name} and {@code version}. Anything else
 * returns {@code null} and goes the usual way, so every error and warning stays the SDK's. The answer equals the
 * SDK's answer (capabilities as in {@link DocsMcpServer#capabilities()}, the version negotiated the SDK's way); a
 * test holds the two together.
 */
final class EarlyInitialize {

    private static final JsonFactory JSON = new JsonFactory();

    private EarlyInitialize() {
    }

    /**
     * The whole response line (without its line break) to {@code line}, or {@code null} when {@code line} is not a
     * plain {@code initialize} request.
     *
     * @param versions the protocol versions the server speaks, oldest first
     */
    static String answer(String line, List<String> versions, Handshake server) {
        Request request;
        try {
            request = parse(line);
        } catch (JacksonException e) {
            return null;
        }
        if (request == null) {
            return null;
        }
        // The SDK's rule: the client's version when the server speaks it, else the server's newest.
        String version = versions.contains(request.protocolVersion) ? request.protocolVersion
                : versions.get(versions.size() - 1);
        StringWriter out = new StringWriter(1024);
        try (JsonGenerator g = JSON.createGenerator(ObjectWriteContext.empty(), out)) {
            g.writeStartObject();
            g.writeStringProperty("jsonrpc", "2.0");
            g.writeName("id");
            if (request.id instanceof String s) {
                g.writeString(s);
            } else {
                g.writeNumber((Long) request.id);
            }
            g.writeName("result");
            g.writeStartObject();
            g.writeStringProperty("protocolVersion", version);
            g.writeName("capabilities");
            writeCapabilities(g);
            g.writeName("serverInfo");
            g.writeStartObject();
            g.writeStringProperty("name", server.name());
            g.writeStringProperty("version", server.version());
            g.writeEndObject();
            g.writeStringProperty("instructions", server.instructions());
            g.writeEndObject();
            g.writeEndObject();
        }
        return out.toString();
    }

    /** {@link DocsMcpServer#capabilities()} as the SDK writes it. */
    private static void writeCapabilities(JsonGenerator g) {
        g.writeStartObject();
        g.writeName("completions");
        g.writeStartObject();
        g.writeEndObject();
        g.writeName("logging");
        g.writeStartObject();
        g.writeEndObject();
        g.writeName("prompts");
        g.writeStartObject();
        g.writeBooleanProperty("listChanged", false);
        g.writeEndObject();
        g.writeName("resources");
        g.writeStartObject();
        g.writeBooleanProperty("subscribe", false);
        g.writeBooleanProperty("listChanged", false);
        g.writeEndObject();
        g.writeName("tools");
        g.writeStartObject();
        g.writeBooleanProperty("listChanged", false);
        g.writeEndObject();
        g.writeEndObject();
    }

    /** What the answer needs from a plain initialize request. */
    private static final class Request {
        Object id;
        String method;
        String jsonrpc;
        String protocolVersion;
        boolean capabilities;
        String clientName;
        String clientVersion;
        boolean params;
    }

    private static Request parse(String line) {
        Request r = new Request();
        try (JsonParser p = JSON.createParser(ObjectReadContext.empty(), line)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            for (JsonToken t = p.nextToken(); t == JsonToken.PROPERTY_NAME; t = p.nextToken()) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                switch (name) {
                    case "jsonrpc" -> r.jsonrpc = value == JsonToken.VALUE_STRING ? p.getString() : null;
                    case "method" -> r.method = value == JsonToken.VALUE_STRING ? p.getString() : null;
                    // The SDK refuses integer ids past the range of a long.
                    case "id" -> r.id = value == JsonToken.VALUE_STRING ? p.getString()
                            : value == JsonToken.VALUE_NUMBER_INT
                                    && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER ? p.getLongValue() : null;
                    case "params" -> {
                        if (value != JsonToken.START_OBJECT) {
                            return null;
                        }
                        r.params = true;
                        if (!parseParams(p, r)) {
                            return null;
                        }
                    }
                    default -> p.skipChildren();
                }
            }
            if (p.nextToken() != null) {
                return null; // more than one value on the line
            }
        }
        boolean plain = "2.0".equals(r.jsonrpc) && "initialize".equals(r.method) && r.id != null && r.params
                && r.protocolVersion != null && r.capabilities && r.clientName != null && r.clientVersion != null;
        return plain ? r : null;
    }

    /** Reads the params object (the parser is on its start); {@code false} when a known field has the wrong type. */
    private static boolean parseParams(JsonParser p, Request r) {
        for (JsonToken t = p.nextToken(); t == JsonToken.PROPERTY_NAME; t = p.nextToken()) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            switch (name) {
                case "protocolVersion" -> {
                    if (value != JsonToken.VALUE_STRING) {
                        return false;
                    }
                    r.protocolVersion = p.getString();
                }
                case "capabilities" -> {
                    if (value != JsonToken.START_OBJECT) {
                        return false;
                    }
                    // Each capability is an object (roots, sampling, elicitation, experimental).
                    for (JsonToken f = p.nextToken(); f == JsonToken.PROPERTY_NAME; f = p.nextToken()) {
                        if (p.nextToken() != JsonToken.START_OBJECT) {
                            return false;
                        }
                        p.skipChildren();
                    }
                    r.capabilities = true;
                }
                case "_meta" -> {
                    if (value != JsonToken.START_OBJECT) {
                        return false;
                    }
                    p.skipChildren();
                }
                case "clientInfo" -> {
                    if (value != JsonToken.START_OBJECT) {
                        return false;
                    }
                    for (JsonToken f = p.nextToken(); f == JsonToken.PROPERTY_NAME; f = p.nextToken()) {
                        String field = p.currentName();
                        JsonToken v = p.nextToken();
                        if (field.equals("name") && v == JsonToken.VALUE_STRING) {
                            r.clientName = p.getString();
                        } else if (field.equals("version") && v == JsonToken.VALUE_STRING) {
                            r.clientVersion = p.getString();
                        } else {
                            p.skipChildren();
                        }
                    }
                }
                default -> p.skipChildren();
            }
        }
        return true;
    }
}
