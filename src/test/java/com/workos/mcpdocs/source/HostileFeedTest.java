package com.workos.mcpdocs.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Feeds made to hold the sync (and its lock) for hours, abort it, or fill the heap. */
class HostileFeedTest {

    @TempDir
    Path temp;

    private static byte[] feed(String description) {
        return ("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>t</title><item><title>Hostile</title>"
                + "<pubDate>Wed, 12 Feb 2025 10:00:00 GMT</pubDate><description>" + description
                + "</description></item><item><title>Fine</title><description>&lt;p&gt;Fine.&lt;/p&gt;"
                + "</description></item></channel></rss>").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void descriptionsFullOfAngleBracketsAreReadInLinearTime() {
        // 1 MB of '<' (escaped in the XML) took about two hours through the old regular expressions.
        String lt = "&lt;".repeat(1 << 20);
        String scripts = "&lt;script&gt;x".repeat(100_000) + "&lt;style&gt;y".repeat(100_000);
        List<RssFeed.Item> items = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> RssFeed.parse(feed(lt + scripts + " end"), 25));
        assertThat(items).extracting(RssFeed.Item::title).contains("Hostile", "Fine");
        assertThat(items.get(0).text()).endsWith("end");
    }

    @Test
    void badNumericReferencesAreKeptAsWrittenAndTheFeedIsRead() throws Exception {
        List<RssFeed.Item> items = RssFeed.parse(feed("&amp;#99999999999; &amp;#x110000; &amp;#xD800; &amp;#0; "
                + "&amp;#233; &amp;#x1F600;"), 25);
        assertThat(items).hasSize(2);
        assertThat(items.get(0).text()).isEqualTo("&#99999999999; &#x110000; &#xD800; &#0; \u00e9 \uD83D\uDE00");
    }

    @Test
    void scriptAndStyleElementsAreDroppedWithTheirContent() {
        assertThat(RssFeed.plainText("<p>a</p><SCRIPT type=x>evil()</script ><style>b{}</style>c<scripts>d"))
                .isEqualTo("a\ncd");
    }

    @Test
    void aFeedLargerThan8MibIsRefusedFromAFileOrAUrl() throws Exception {
        Path big = temp.resolve("big.xml");
        Files.write(big, feed("x".repeat(9 << 20)));
        assertThatThrownBy(() -> FeedFetcher.read(big.toString())).isInstanceOf(IOException.class)
                .hasMessageContaining("larger than 8 MiB");

        byte[] body = Files.readAllBytes(big);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            exchange.sendResponseHeaders(200, 0); // chunked: no length to judge by
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            } catch (IOException closed) {
                // the client stopped reading, as it should
            }
        });
        server.start();
        try {
            assertThatThrownBy(() -> FeedFetcher.read("http://127.0.0.1:" + server.getAddress().getPort() + "/f"))
                    .isInstanceOf(IOException.class).hasMessageContaining("larger than 8 MiB");
        } finally {
            server.stop(0);
        }
    }
}
