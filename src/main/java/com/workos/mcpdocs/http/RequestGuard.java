package com.workos.mcpdocs.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;

/**
 * What a request to {@code /mcp} must pass besides what the SDK transport checks itself (Host and Origin through
 * {@link HostAndOrigin}, the body size): the per-client rate limit, counted first so that wrong tokens count too,
 * then the bearer token. It also replaces the SDK's error answers, which carry stack traces, with short JSON-RPC
 * errors ({@link ErrorResponses}). By the time a request gets here its body is in memory ({@link BodyLoader}).
 */
final class RequestGuard extends HttpFilter {

    private static final String BEARER = "Bearer";

    private final HttpOptions options;
    private final RateLimiter rateLimiter;
    private final byte[] expectedToken;

    RequestGuard(HttpOptions options) {
        this.options = options;
        this.rateLimiter = options.rateLimitPerMinute() > 0 ? new RateLimiter(options.rateLimitPerMinute()) : null;
        this.expectedToken = options.token() == null ? null : options.token().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (rateLimiter != null && !rateLimiter.tryAcquire(request.getRemoteAddr())) {
            response.setHeader("Retry-After", "60");
            refuse(response, 429, "too many requests from this client (limit " + options.rateLimitPerMinute()
                    + " per minute); retry later.");
            return;
        }
        if (expectedToken != null && !MessageDigest.isEqual(bearerToken(request), expectedToken)) {
            // MessageDigest.isEqual takes the same time wherever the bytes differ: no guessing byte by byte.
            response.setHeader("WWW-Authenticate", BEARER);
            refuse(response, 401, "missing or wrong bearer token: send 'Authorization: Bearer <token>'.");
            return;
        }
        if (!"POST".equals(request.getMethod())) {
            chain.doFilter(request, response);
            return;
        }
        if (!MediaTypes.check(request, response)) {
            return;
        }
        byte[] body = request.getInputStream().readAllBytes();
        ErrorResponses guarded = new ErrorResponses(response);
        chain.doFilter(new BufferedBodyRequest(request, body), guarded);
        if (guarded.heldBackError()) {
            guarded.writeJsonRpcError(body);
        }
    }

    /** The token of an {@code Authorization: Bearer} header; the scheme is case-insensitive (RFC 9110). */
    private static byte[] bearerToken(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        if (authorization == null) {
            return new byte[0];
        }
        String value = authorization.strip();
        int space = value.indexOf(' ');
        if (space < 0 || !value.substring(0, space).equalsIgnoreCase(BEARER)) {
            return new byte[0];
        }
        return value.substring(space + 1).strip().getBytes(StandardCharsets.UTF_8);
    }

    static void refuse(HttpServletResponse response, int status, String message) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        String escaped = message.replace("\\", "\\\\").replace("\"", "\\\"");
        response.getWriter().write("{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32600,\"message\":\""
                + escaped + "\"}}");
    }

    /** The request with its already-read body served again from memory. */
    private static final class BufferedBodyRequest extends HttpServletRequestWrapper {
        private final byte[] body;

        BufferedBodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("the body is already buffered; read it synchronously");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
