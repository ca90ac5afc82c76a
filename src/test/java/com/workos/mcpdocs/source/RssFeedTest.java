package com.workos.mcpdocs.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.workos.mcpdocs.corpus.ChangelogEntry;
import com.workos.mcpdocs.corpus.Corpus;
import com.workos.mcpdocs.corpus.CorpusInfo;
import com.workos.mcpdocs.library.CorpusLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RssFeedTest {

    private static List<RssFeed.Item> feed(int keep) throws IOException {
        return RssFeed.parse(Files.readAllBytes(SyncFixtures.feed("feed.xml")), keep);
    }

    @Test
    void itemsComeNewestFirstWithIsoDatesInUtcAndUndatedLast() throws Exception {
        assertThat(feed(25)).extracting(RssFeed.Item::title)
                .containsExactly("Radar <beta> launch", "Middle", "Older: Directory Sync & SCIM", "No date item");
        // 23:30 at -08:00 is the next day in UTC.
        assertThat(feed(25)).extracting(RssFeed.Item::date)
                .containsExactly("2025-02-12", "2025-02-01", "2025-01-06", "");
    }

    @Test
    void htmlIsStrippedEntitiesDecodedAndBlocksBecomeLines() throws Exception {
        RssFeed.Item radar = feed(25).get(0);
        assertThat(radar.text()).isEqualTo("Radar\nBlock bots & fraud.\nNow in beta — try it.\nDevice fingerprints\n"
                + "Rules");
        assertThat(radar.url()).isEqualTo("https://workos.com/changelog/radar");
        assertThat(radar.guid()).isEqualTo("radar-2");
        assertThat(feed(25).get(1).text()).isEqualTo("Full content wins over the description.");
        assertThat(feed(25).get(2).text()).isEqualTo("Groups now sync faster.");
    }

    @Test
    void keepsTheNewestNAndLoadsAsWorkosPlatformChangelog() throws Exception {
        byte[] json = RssFeed.toChangelogJson(feed(2));
        Corpus corpus = CorpusLoader.load(new ContentTree("feed", Map.of("changelogs/workos-platform.json", json)),
                new CorpusInfo("feed", "test", "2026-01-01"));
        List<ChangelogEntry> entries = corpus.changelogs().get(RssFeed.PACKAGE);
        assertThat(entries).extracting(ChangelogEntry::version).containsExactly("Radar <beta> launch", "Middle");
        assertThat(entries).allSatisfy(e -> assertThat(e.source()).isEqualTo("rss"));
        assertThat(new String(json)).contains("\"guid\" : \"middle-4\"");
    }

    @Test
    void aMalformedFeedSaysWhereItBreaks() {
        assertThatThrownBy(() -> RssFeed.parse(Files.readAllBytes(SyncFixtures.feed("feed-malformed.xml")), 25))
                .isInstanceOf(IOException.class).hasMessageContaining("not well-formed").hasMessageContaining("line");
    }

    @Test
    void anAtomFeedOrAnythingElseIsRefusedByName() {
        assertThatThrownBy(() -> RssFeed.parse(Files.readAllBytes(SyncFixtures.feed("feed-atom.xml")), 25))
                .isInstanceOf(IOException.class).hasMessageContaining("<feed>").hasMessageContaining("<rss>");
    }

    @Test
    void aDoctypeCannotMakeTheParserReadLocalFiles() {
        assertThatThrownBy(() -> RssFeed.parse(Files.readAllBytes(SyncFixtures.feed("feed-doctype.xml")), 25))
                .isInstanceOf(IOException.class).hasMessageContaining("DOCTYPE");
    }
}
