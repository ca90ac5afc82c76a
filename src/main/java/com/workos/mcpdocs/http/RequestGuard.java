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
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import io.modelcontextprotocol.json.McpJsonDefaults;
import java.util.Locale;

/**
 * Everything a request to {@code /mcp} must pass before the MCP transport sees it, cheapest check first:
 * Host and Origin against the allow-list (DNS rebinding), the bearer token, the per-client rate limit, the body
 * size. Each refusal is a small JSON-RPC error body with the HTTP status that says what happened.
 */
final class RequestGuard extends HttpFilter {

    private final HttpOptions options;
    private final RateLimiter rateLimiter;
    private final byte[] expectedAuthorization;

    RequestGuard(HttpOptions options) {
        this.options = options;
        this.rateLimiter = options.rateLimitPerMinute() > 0 ? new RateLimiter(options.rateLimitPerMinute()) : null;
        this.expectedAuthorization = options.token() == null ? null
                : ("Bearer " + options.token()).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        int port = request.getLocalPort();
        String host = request.getHeader("Host");
        if (host == null || !containsIgnoreCase(options.allowedHosts(port), host)) {
            refuse(response, 403, "Host header '" + printable(host) + "' is not allowed; connect to "
                    + "127.0.0.1:" + port + " or localhost:" + port + " (or add the host to the allow-list).");
            return;
        }
        String origin = request.getHeader("Origin");
        if (origin != null && !containsIgnoreCase(options.allowedOrigins(port), origin)) {
            refuse(response, 403, "Origin '" + printable(origin) + "' is not allowed (DNS rebinding protection); "
                    + "add it to the allowed origins if this browser page is trusted.");
            return;
        }
        if (expectedAuthorization != null) {
            String authorization = request.getHeader("Authorization");
            byte[] given = authorization == null ? new byte[0] : authorization.getBytes(StandardCharsets.UTF_8);
            // Constant-time comparison, so the token cannot be guessed byte by byte from response times.
            if (!MessageDigest.isEqual(given, expectedAuthorization)) {
                response.setHeader("WWW-Authenticate", "Bearer");
                refuse(response, 401, "missing or wrong bearer token: send 'Authorization: Bearer <token>'.");
                return;
            }
        }
        if (rateLimiter != null && !rateLimiter.tryAcquire(request.getRemoteAddr())) {
            response.setHeader("Retry-After", "60");
            refuse(response, 429, "too many requests from this client (limit " + options.rateLimitPerMinute()
                    + " per minute); retry later.");
            return;
        }
        if (!"POST".equals(request.getMethod())) {
            chain.doFilter(request, response);
            return;
        }
        if (!MediaTypes.check(request, response)) {
            return;
        }
        long declared = request.getContentLengthLong();
        if (declared > options.maxBodyBytes()) {
            refuse(response, 413, tooLarge());
            return;
        }
        // Chunked bodies have no declared length: read at most the limit plus one byte to find out.
        byte[] body = readAtMost(request.getInputStream(), options.maxBodyBytes() + 1);
        if (body.length > options.maxBodyBytes()) {
            refuse(response, 413, tooLarge());
            return;
        }
        ErrorResponses guarded = new ErrorResponses(response);
        chain.doFilter(new BufferedBodyRequest(request, body), guarded);
        if (guarded.heldBackError()) {
            guarded.writeJsonRpcError(body);
        }
    }

    private String tooLarge() {
        return "request body larger than " + options.maxBodyBytes() + " bytes; send smaller requests.";
    }

    private static boolean containsIgnoreCase(List<String> allowed, String value) {
        String lower = value.toLowerCase(Locale.ROOT);
        return allowed.stream().anyMatch(a -> a.toLowerCase(Locale.ROOT).equals(lower));
    }

    /** A header value fit to echo back: no control characters, bounded length. */
    private static String printable(String value) {
        if (value == null) {
            return "(none)";
        }
        String cleaned = value.codePoints().filter(c -> c >= 0x20 && c != 0x7f)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return cleaned.length() > 100 ? cleaned.substring(0, 100) + "..." : cleaned;
    }

    static void refuse(HttpServletResponse response, int status, String message) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        String escaped = message.replace("\\", "\\\\").replace("\"", "\\\"");
        response.getWriter().write("{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32600,\"message\":\""
                + escaped + "\"}}");
    }

    private static byte[] readAtMost(InputStream in, int limit) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(limit, 8192));
        byte[] buffer = new byte[8192];
        int total = 0;
        int n;
        while (total < limit && (n = in.read(buffer, 0, Math.min(buffer.length, limit - total))) >= 0) {
            out.write(buffer, 0, n);
            total += n;
        }
        return out.toByteArray();
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
