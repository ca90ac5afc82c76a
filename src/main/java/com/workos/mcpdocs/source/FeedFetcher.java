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

/**
 * Reads a feed from a file or an {@code http(s)} URL. URLs go through the proxy the user configured
 * ({@code HTTPS_PROXY}/{@code HTTP_PROXY}/{@code NO_PROXY}, else Java's {@code https.proxyHost} and friends) and
 * TLS is checked against the JVM's trust store ({@code javax.net.ssl.trustStore} applies).
 */
public final class FeedFetcher {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private FeedFetcher() {
    }

    public static byte[] read(String fileOrUrl) throws IOException {
        String lower = fileOrUrl.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("http://") && !lower.startsWith("https://")) {
            Path file = Path.of(fileOrUrl);
            if (!Files.isRegularFile(file)) {
                throw new IOException("--rss " + fileOrUrl + " is neither a file nor an http(s) URL");
            }
            return Files.readAllBytes(file);
        }
        HttpClient client = HttpClient.newBuilder()
                .proxy(proxySelector(System.getenv()))
                .followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(TIMEOUT)
                .build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(fileOrUrl)).timeout(TIMEOUT)
                .header("Accept", "application/rss+xml, application/xml;q=0.9, */*;q=0.5").GET().build();
        try {
            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() / 100 != 2) {
                throw new IOException("fetching " + fileOrUrl + " answered HTTP " + response.statusCode()
                        + "; check the URL, or download the feed and pass the file");
            }
            return response.body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while fetching " + fileOrUrl, e);
        } catch (IOException e) {
            throw new IOException("cannot fetch " + fileOrUrl + " (" + e.getMessage() + "); check the network and "
                    + "proxy settings (HTTPS_PROXY or -Dhttps.proxyHost), or pass a downloaded file", e);
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
