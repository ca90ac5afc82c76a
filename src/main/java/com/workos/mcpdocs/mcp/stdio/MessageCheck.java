package com.workos.mcpdocs.mcp.stdio;

import com.workos.mcpdocs.mcp.Arguments;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.Map;

/**
 * Validation: the JSON-RPC 2.0 shape of a message, checked before the SDK sees it. The SDK's session throws on a
 * message of the wrong shape, and its own stdio transport stops reading at the first such line; here each problem
 * becomes the error answer JSON-RPC 2.0 asks for, and the next line is read.
 */
final class MessageCheck {

    private MessageCheck() {
    }

    /**
     * Why a JSON value is not a message the session can take, and whether (and how) to answer: JSON-RPC 2.0 answers
     * every invalid message (with a null id when it has no usable one), except notifications, which never get one.
     */
    record Problem(boolean answer, Object id, int code, String message) {
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
