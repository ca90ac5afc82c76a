package com.workos.mcpdocs.http;

import io.modelcontextprotocol.server.transport.ServerTransportSecurityException;
import io.modelcontextprotocol.server.transport.ServerTransportSecurityValidator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntSupplier;

/**
 * The DNS rebinding protection, plugged into the SDK transport's own validation hook. The SDK's
 * {@code DefaultServerTransportSecurityValidator} compares names case-sensitively, answers a foreign Host with 421
 * and says only "Invalid Host header"; this one follows the same hook with case-insensitive names, 403, and an
 * answer that names the flag that would let the request in.
 *
 * <p>The Host rule depends on the bind: on loopback (no token needed) only the loopback names and the bound address
 * on the bound port pass, so a web page whose name was rebound to 127.0.0.1 cannot reach the server. Bound beyond
 * loopback a bearer token is required, and it is the guard: any Host passes, so a published container port
 * ({@code -p 9000:8080}) and access by IP or by name work. The Origin of a browser page is checked in both cases.
 */
final class HostAndOrigin implements ServerTransportSecurityValidator {

    private final HttpOptions options;
    private final IntSupplier boundPort;

    /** @param boundPort the port the server listens on (known only once it has started, with port 0) */
    HostAndOrigin(HttpOptions options, IntSupplier boundPort) {
        this.options = options;
        this.boundPort = boundPort;
    }

    @Override
    public void validateHeaders(Map<String, List<String>> headers) throws ServerTransportSecurityException {
        int port = boundPort.getAsInt();
        String host = first(headers, "Host");
        if (options.checksHost() && (host == null || !containsIgnoreCase(options.allowedHosts(port), host))) {
            throw new ServerTransportSecurityException(403, "Host header '" + printable(host) + "' is not allowed "
                    + "(DNS rebinding protection); connect to " + options.allowedHosts(port).get(0)
                    + ", or start the server with --allow-host " + (host == null ? "HOST:PORT" : printable(host))
                    + " if that name is meant to reach it.");
        }
        String origin = first(headers, "Origin");
        if (origin != null && !containsIgnoreCase(options.allowedOrigins(port), origin)) {
            throw new ServerTransportSecurityException(403, "Origin '" + printable(origin) + "' is not allowed (DNS "
                    + "rebinding protection); start the server with --allow-origin " + printable(origin)
                    + " if this browser page is trusted.");
        }
    }

    /** A header's first value; header names are case-insensitive. */
    private static String first(Map<String, List<String>> headers, String name) {
        for (Map.Entry<String, List<String>> header : headers.entrySet()) {
            if (name.equalsIgnoreCase(header.getKey()) && header.getValue() != null
                    && !header.getValue().isEmpty()) {
                return header.getValue().get(0);
            }
        }
        return null;
    }

    private static boolean containsIgnoreCase(List<String> allowed, String value) {
        String lower = value.toLowerCase(Locale.ROOT);
        return allowed.stream().anyMatch(a -> a.toLowerCase(Locale.ROOT).equals(lower));
    }

    /** A header value fit to echo back: no control characters, bounded length. */
    static String printable(String value) {
        if (value == null) {
            return "(none)";
        }
        String cleaned = value.codePoints().filter(c -> c >= 0x20 && c != 0x7f)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return cleaned.length() > 100 ? cleaned.substring(0, 100) + "..." : cleaned;
    }
}
