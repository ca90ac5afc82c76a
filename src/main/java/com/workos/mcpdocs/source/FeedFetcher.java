package com.workos.mcpdocs.source;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Reads a feed from a file or an {@code http(s)} URL. URLs go through the proxy the user configured
 * ({@code HTTPS_PROXY}/{@code HTTP_PROXY}/{@code NO_PROXY}, else Java's {@code https.proxyHost} and friends) and
 * TLS is checked against the JVM's trust store ({@code javax.net.ssl.trustStore} applies).
 */
public final class FeedFetcher {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    /** The whole download, however slowly the server sends: a sync holds the data directory's lock meanwhile. */
    private static final Duration DOWNLOAD_DEADLINE = Duration.ofSeconds(120);
    /** Largest feed read: 8 MiB (the WorkOS feed is well under 1 MiB; only the newest items are kept anyway). */
    static final int MAX_FEED_BYTES = 8 << 20;

    private FeedFetcher() {
    }

    public static byte[] read(String fileOrUrl) throws IOException {
        String lower = fileOrUrl.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("http://") && !lower.startsWith("https://")) {
            Path file = Path.of(fileOrUrl);
            if (!Files.isRegularFile(file)) {
                throw new IOException("--rss " + fileOrUrl + " is neither a file nor an http(s) URL");
            }
            if (Files.size(file) > MAX_FEED_BYTES) {
                throw tooLarge(fileOrUrl);
            }
            try (var in = Files.newInputStream(file)) {
                byte[] bytes = in.readNBytes(MAX_FEED_BYTES + 1);
                if (bytes.length > MAX_FEED_BYTES) {
                    throw tooLarge(fileOrUrl);
                }
                return bytes;
            }
        }
        HttpClient client = HttpClient.newBuilder()
                .proxy(proxySelector(System.getenv()))
                .followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(TIMEOUT)
                .build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(fileOrUrl)).timeout(TIMEOUT)
                .header("Accept", "application/rss+xml, application/xml;q=0.9, */*;q=0.5").GET().build();
        var download = client.sendAsync(request, info -> new LimitedBody(MAX_FEED_BYTES));
        HttpResponse<byte[]> response;
        try {
            response = download.get(DOWNLOAD_DEADLINE.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            download.cancel(true);
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while fetching " + fileOrUrl, e);
        } catch (TimeoutException e) {
            download.cancel(true);
            throw new IOException("fetching " + fileOrUrl + " took longer than " + DOWNLOAD_DEADLINE.toSeconds()
                    + " s; download the feed and pass the file");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw new IOException("cannot fetch " + fileOrUrl + " (" + cause.getMessage() + "); check the network "
                    + "and proxy settings (HTTPS_PROXY or -Dhttps.proxyHost), or pass a downloaded file", cause);
        }
        if (response.statusCode() / 100 != 2) {
            throw new IOException("fetching " + fileOrUrl + " answered HTTP " + response.statusCode()
                    + "; check the URL, or download the feed and pass the file");
        }
        if (response.body() == null) {
            throw tooLarge(fileOrUrl);
        }
        return response.body();
    }

    private static IOException tooLarge(String fileOrUrl) {
        return new IOException("the feed " + fileOrUrl + " is larger than " + (MAX_FEED_BYTES >> 20) + " MiB; an RSS "
                + "changelog is far smaller: check that it is the right file or URL");
    }

    /** Collects a response body up to {@code limit} bytes; beyond, it stops reading and the body is {@code null}. */
    private static final class LimitedBody implements HttpResponse.BodySubscriber<byte[]> {
        private final int limit;
        private final java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        private final java.util.concurrent.CompletableFuture<byte[]> result = new java.util.concurrent.CompletableFuture<>();
        private java.util.concurrent.Flow.Subscription subscription;

        LimitedBody(int limit) {
            this.limit = limit;
        }

        @Override
        public java.util.concurrent.CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(java.util.concurrent.Flow.Subscription s) {
            subscription = s;
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<java.nio.ByteBuffer> buffers) {
            for (java.nio.ByteBuffer buffer : buffers) {
                if (bytes.size() + buffer.remaining() > limit) {
                    subscription.cancel();
                    result.complete(null);
                    return;
                }
                byte[] chunk = new byte[buffer.remaining()];
                buffer.get(chunk);
                bytes.write(chunk, 0, chunk.length);
            }
        }

        @Override
        public void onError(Throwable failure) {
            result.completeExceptionally(failure);
        }

        @Override
        public void onComplete() {
            result.complete(bytes.toByteArray());
        }
    }

    /** Environment proxy variables when set, else Java's own proxy properties. */
    static ProxySelector proxySelector(Map<String, String> env) {
        String https = firstSet(env, "HTTPS_PROXY", "https_proxy");
        String http = firstSet(env, "HTTP_PROXY", "http_proxy");
        if (https == null && http == null) {
            return ProxySelector.getDefault();
        }
        String noProxy = firstSet(env, "NO_PROXY", "no_proxy");
        return new ProxySelector() {
            @Override
            public List<Proxy> select(URI uri) {
                String chosen = "https".equalsIgnoreCase(uri.getScheme()) ? https : http;
                if (chosen == null || bypassed(uri.getHost(), noProxy)) {
                    return List.of(Proxy.NO_PROXY);
                }
                URI proxy = URI.create(chosen.contains("://") ? chosen : "http://" + chosen);
                int port = proxy.getPort() > 0 ? proxy.getPort() : 80;
                return List.of(new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(proxy.getHost(), port)));
            }

            @Override
            public void connectFailed(URI uri, SocketAddress address, IOException e) {
                // nothing to remember: one request per sync
            }
        };
    }

    static boolean bypassed(String host, String noProxy) {
        if (noProxy == null || host == null) {
            return false;
        }
        String h = host.toLowerCase(Locale.ROOT);
        for (String entry : noProxy.split(",")) {
            String e = entry.strip().toLowerCase(Locale.ROOT);
            if (e.equals("*") || (!e.isEmpty() && (h.equals(e.replaceFirst("^\\.", ""))
                    || h.endsWith(e.startsWith(".") ? e : "." + e)))) {
                return true;
            }
        }
        return false;
    }

    private static String firstSet(Map<String, String> env, String... names) {
        for (String name : names) {
            String value = env.get(name);
            if (value != null && !value.isBlank()) {
                return value.strip();
            }
        }
        return null;
    }
}
