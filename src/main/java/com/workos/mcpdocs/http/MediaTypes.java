package com.workos.mcpdocs.http;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The two headers a Streamable HTTP POST must carry: {@code Content-Type: application/json} (the body is one
 * JSON-RPC message) and an {@code Accept} listing both {@code application/json} and {@code text/event-stream}.
 * Without this check the SDK's refusal reached the client as an "invalid params" error with HTTP 200, which sent
 * people looking at their parameters; here a wrong header gets 415 or 406 and names the header to send.
 */
final class MediaTypes {

    static final String ACCEPT = "application/json, text/event-stream";

    private MediaTypes() {
    }

    /**
     * Refuses a request whose headers the MCP transport cannot serve: 415 for the body's type (checked first: the
     * body is what cannot be read), else 406 for what the client accepts; the message names every header to fix.
     *
     * @return whether the request may go on; when not, the refusal has been written
     */
    static boolean check(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String contentType = request.getHeader("Content-Type");
        String accept = request.getHeader("Accept");
        boolean jsonBody = contentType != null
                && mediaType(contentType).equals("application/json");
        boolean acceptable = accept != null && lists(accept, "application/json") && lists(accept, "text/event-stream");
        if (jsonBody && acceptable) {
            return true;
        }
        List<String> fixes = new ArrayList<>();
        if (!jsonBody) {
            fixes.add("send 'Content-Type: application/json' (got " + quoted(contentType) + ")");
        }
        if (!acceptable) {
            fixes.add("send 'Accept: " + ACCEPT + "' (got " + quoted(accept) + ")");
        }
        RequestGuard.refuse(response, jsonBody ? 406 : 415, (jsonBody ? "Not Acceptable" : "Unsupported Media Type")
                + ": MCP over Streamable HTTP takes one JSON-RPC message per POST; " + String.join(" and ", fixes)
                + ".");
        return false;
    }

    /** The type/subtype of a header value, without parameters such as charset. */
    private static String mediaType(String value) {
        int semicolon = value.indexOf(';');
        return (semicolon < 0 ? value : value.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }

    private static boolean lists(String accept, String type) {
        for (String part : accept.split(",")) {
            if (mediaType(part).equals(type)) {
                return true;
            }
        }
        return false;
    }

    private static String quoted(String value) {
        if (value == null) {
            return "none";
        }
        String printable = value.codePoints().filter(c -> c >= 0x20 && c != 0x7f).limit(100)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return "'" + printable + "'";
    }
}
