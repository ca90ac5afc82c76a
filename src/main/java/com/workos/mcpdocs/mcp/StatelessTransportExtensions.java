package com.workos.mcpdocs.mcp;

import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.server.McpStatelessServerHandler;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCResponse;
import io.modelcontextprotocol.spec.McpStatelessServerTransport;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Mono;

/**
 * Wraps a stateless transport to answer the two requests the SDK's stateless server (2.1.0) does not: it has no
 * {@code logging/setLevel} handler at all (the method is "not found" even with the logging capability), and it
 * returns {@code resources/list} unpaginated. It also refuses non-object params itself, because the SDK's answer
 * to those quotes its JSON parser's exception. Everything else goes to the SDK.
 *
 * <p>Stateless means no session to remember a log level in; this server sends no log notifications over HTTP, so
 * accepting and validating the level is the whole contract.
 */
final class StatelessTransportExtensions implements McpStatelessServerTransport {

    static final List<String> LOG_LEVELS = List.of("debug", "info", "notice", "warning", "error", "critical",
            "alert", "emergency");

    private final McpStatelessServerTransport delegate;
    private final DocsResources resources;

    StatelessTransportExtensions(McpStatelessServerTransport delegate, DocsResources resources) {
        this.delegate = delegate;
        this.resources = resources;
    }

    @Override
    public void setMcpHandler(McpStatelessServerHandler handler) {
        delegate.setMcpHandler(new McpStatelessServerHandler() {
            @Override
            public Mono<JSONRPCResponse> handleRequest(McpTransportContext context, McpSchema.JSONRPCRequest request) {
                try {
                    if (request.params() != null && !(request.params() instanceof Map)) {
                        // The SDK would answer with its Jackson exception text (internal class names).
                        throw DocsResources.invalid("params of '" + request.method() + "' must be an object.");
                    }
                    return switch (request.method()) {
                        case McpSchema.METHOD_LOGGING_SET_LEVEL -> Mono.just(setLevel(request));
                        case McpSchema.METHOD_RESOURCES_LIST -> Mono.just(JSONRPCResponse.result(request.id(),
                                resources.list(string(request.params(), "cursor"))));
                        default -> handler.handleRequest(context, request);
                    };
                } catch (McpError e) {
                    return Mono.just(JSONRPCResponse.error(request.id(), e.getJsonRpcError()));
                }
            }

            @Override
            public Mono<Void> handleNotification(McpTransportContext context,
                                                 McpSchema.JSONRPCNotification notification) {
                return handler.handleNotification(context, notification);
            }
        });
    }

    private static JSONRPCResponse setLevel(McpSchema.JSONRPCRequest request) {
        String level = string(request.params(), "level");
        if (level == null || !LOG_LEVELS.contains(level)) {
            throw DocsResources.invalid("'level' must be one of " + String.join(", ", LOG_LEVELS) + ".");
        }
        return JSONRPCResponse.result(request.id(), Map.of());
    }

    /** A string parameter, {@code null} when absent; a parameter of another type is an invalid-params error. */
    private static String string(Object params, String name) {
        if (params == null) {
            return null;
        }
        if (!(params instanceof Map<?, ?> map)) {
            throw DocsResources.invalid("params must be an object.");
        }
        Object value = map.get(name);
        if (value != null && !(value instanceof String)) {
            throw DocsResources.invalid("'" + name + "' must be a string.");
        }
        return (String) value;
    }

    @Override
    public void close() {
        delegate.close();
    }

    @Override
    public Mono<Void> closeGracefully() {
        return delegate.closeGracefully();
    }

    @Override
    public List<String> protocolVersions() {
        return delegate.protocolVersions();
    }
}
