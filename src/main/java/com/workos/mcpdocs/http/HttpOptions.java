package com.workos.mcpdocs.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * How the HTTP server listens and whom it lets in.
 *
 * @param host               address to bind; loopback by default
 * @param port               port to bind; 0 picks a free one
 * @param token              bearer token every MCP request must carry; {@code null} for none (loopback only)
 * @param extraAllowedHosts  Host header values accepted besides the loopback names on {@code port}
 * @param extraAllowedOrigins Origin header values accepted besides the loopback origins on {@code port}
 * @param maxBodyBytes       larger request bodies are refused with 413
 * @param rateLimitPerMinute requests per client address per minute before 429; 0 for no limit
 * @param idleTimeout        a connection idle (or trickling a body) for longer is closed
 */
public record HttpOptions(String host, int port, String token, List<String> extraAllowedHosts,
                          List<String> extraAllowedOrigins, int maxBodyBytes, int rateLimitPerMinute,
                          Duration idleTimeout) {

    /** One MiB: far more than any legitimate MCP request to this server. */
    public static final int DEFAULT_MAX_BODY = 1 << 20;
    public static final String TOKEN_ENV = "WORKOS_MCP_DOCS_TOKEN";

    public HttpOptions {
        extraAllowedHosts = List.copyOf(extraAllowedHosts == null ? List.of() : extraAllowedHosts);
        extraAllowedOrigins = List.copyOf(extraAllowedOrigins == null ? List.of() : extraAllowedOrigins);
        if (token != null && token.isBlank()) {
            token = null;
        }
        if (maxBodyBytes <= 0) {
            throw new IllegalArgumentException("the body size limit must be positive; got " + maxBodyBytes);
        }
    }

    /** Loopback, the given port, no token, default limits. */
    public static HttpOptions loopback(int port) {
        return new HttpOptions("127.0.0.1", port, null, List.of(), List.of(), DEFAULT_MAX_BODY, 0,
                Duration.ofSeconds(30));
    }

    public HttpOptions withToken(String newToken) {
        return new HttpOptions(host, port, newToken, extraAllowedHosts, extraAllowedOrigins, maxBodyBytes,
                rateLimitPerMinute, idleTimeout);
    }

    public HttpOptions withRateLimit(int perMinute) {
        return new HttpOptions(host, port, token, extraAllowedHosts, extraAllowedOrigins, maxBodyBytes, perMinute,
                idleTimeout);
    }

    public HttpOptions withMaxBodyBytes(int bytes) {
        return new HttpOptions(host, port, token, extraAllowedHosts, extraAllowedOrigins, bytes, rateLimitPerMinute,
                idleTimeout);
    }

    /** Whether {@link #host} is a loopback address (a DNS name is resolved once, here). */
    public boolean isLoopback() {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /**
     * Refuses configurations that would expose the docs server without authentication.
     *
     * @throws IllegalArgumentException saying what to add
     */
    public void check() {
        if (!isLoopback() && token == null) {
            throw new IllegalArgumentException("binding " + host + " (not loopback) needs a bearer token: pass "
                    + "--token or set " + TOKEN_ENV + ", or bind 127.0.0.1.");
        }
    }

    /**
     * Whether the Host header is checked: on a loopback bind, where no token is needed, it is what stops DNS
     * rebinding. Beyond loopback a token is required and guards every request, and clients reach the server under
     * names and ports it cannot know (a published container port, its IP address, a proxy's name).
     */
    boolean checksHost() {
        return isLoopback();
    }

    /** Host header values accepted once the server listens on {@code boundPort} (when {@link #checksHost}). */
    List<String> allowedHosts(int boundPort) {
        List<String> hosts = new ArrayList<>(List.of("localhost:" + boundPort, "127.0.0.1:" + boundPort,
                "[::1]:" + boundPort));
        String own = authority(boundPort);
        if (!hosts.contains(own)) {
            hosts.add(own); // e.g. --host 127.0.0.2 answers its own address
        }
        hosts.addAll(extraAllowedHosts);
        return hosts;
    }

    /** The bound address and port as a Host header names them ({@code [::1]:8080} for IPv6). */
    private String authority(int boundPort) {
        String name = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        return name + ":" + boundPort;
    }

    /** Origin header values accepted once the server listens on {@code boundPort}. */
    List<String> allowedOrigins(int boundPort) {
        List<String> origins = new ArrayList<>(List.of("http://localhost:" + boundPort,
                "http://127.0.0.1:" + boundPort, "http://[::1]:" + boundPort));
        if (!origins.contains("http://" + authority(boundPort))) {
            origins.add("http://" + authority(boundPort));
        }
        origins.addAll(extraAllowedOrigins);
        return origins;
    }
}
