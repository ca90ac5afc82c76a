package com.workos.mcpdocs.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.URI;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FeedFetcherTest {

    private HttpServer server;
    private final List<String> requests = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        byte[] feed = Files.readAllBytes(SyncFixtures.feed("feed.xml"));
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requests.add(exchange.getRequestURI().toString());
            boolean found = exchange.getRequestURI().getPath().endsWith("/feed.xml");
            byte[] body = found ? feed : "missing".getBytes();
            exchange.sendResponseHeaders(found ? 200 : 404, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    @Test
    void readsAFeedFromALocalUrl() throws Exception {
        byte[] body = FeedFetcher.read(url("/changelog/feed.xml"));
        assertThat(RssFeed.parse(body, 25)).hasSize(4);
    }

    @Test
    void anHttpErrorSaysWhatToDo() {
        assertThatThrownBy(() -> FeedFetcher.read(url("/nope"))).isInstanceOf(IOException.class)
                .hasMessageContaining("HTTP 404").hasMessageContaining("pass the file");
    }

    @Test
    void aMissingFileIsNamed() {
        assertThatThrownBy(() -> FeedFetcher.read("/no/such/feed.xml")).isInstanceOf(IOException.class)
                .hasMessageContaining("neither a file nor an http(s) URL");
    }

    @Test
    void proxyVariablesChooseBySchemeAndNoProxyBypasses() {
        var selector = FeedFetcher.proxySelector(Map.of("HTTPS_PROXY", "http://proxy.internal:3128",
                "no_proxy", "localhost,.corp.example"));
        List<Proxy> https = selector.select(URI.create("https://feeds.example/rss"));
        assertThat(https.get(0).address().toString()).contains("proxy.internal").contains("3128");
        assertThat(selector.select(URI.create("http://feeds.example/rss"))).containsExactly(Proxy.NO_PROXY);
        assertThat(selector.select(URI.create("https://docs.corp.example/rss"))).containsExactly(Proxy.NO_PROXY);
        assertThat(selector.select(URI.create("https://localhost/rss"))).containsExactly(Proxy.NO_PROXY);
    }

    @Test
    void withoutProxyVariablesJavasOwnProxySettingsApply() {
        assertThat(FeedFetcher.proxySelector(Map.of())).isSameAs(java.net.ProxySelector.getDefault());
    }

    @Test
    void anHttpProxyVariableSendsTheRequestThroughTheProxy() throws Exception {
        // The local server plays the proxy: a proxied request carries the absolute URL of the real target.
        var selector = FeedFetcher.proxySelector(Map.of("HTTP_PROXY", "127.0.0.1:" + server.getAddress().getPort()));
        var client = java.net.http.HttpClient.newBuilder().proxy(selector).build();
        var response = client.send(java.net.http.HttpRequest.newBuilder(
                        URI.create("http://feeds.invalid/changelog/feed.xml")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(requests).containsExactly("http://feeds.invalid/changelog/feed.xml");
    }
}
