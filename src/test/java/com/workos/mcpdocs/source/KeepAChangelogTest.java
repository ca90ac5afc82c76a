package com.workos.mcpdocs.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeepAChangelogTest {

    private static List<KeepAChangelog.Release> oddFile(int keep) throws Exception {
        return KeepAChangelog.parse(Files.readString(
                SyncFixtures.monorepo().resolve("packages/authkit-js/CHANGELOG.md")), keep);
    }

    @Test
    void readsReleasesInEveryHeadingShapeNewestFirstAndSkipsUnreleased() throws Exception {
        assertThat(oddFile(10)).extracting(KeepAChangelog.Release::version)
                .containsExactly("0.13.0", "0.12.1", "0.12.0", "0.10.0", "0.9.0");
        assertThat(oddFile(10)).extracting(KeepAChangelog.Release::date)
                .containsExactly("2025-01-31", "2024-12-03", "2024-11-20", "", "2024-06-15");
    }

    @Test
    void joinsWrappedBulletsAcceptsStarAndPlusBulletsAndIgnoresSubHeadingsAndLinkDefinitions() throws Exception {
        KeepAChangelog.Release newest = oddFile(10).get(0);
        assertThat(newest.changes()).containsExactly("Support for `signUp` with a login hint that wraps",
                "Star bullets count too", "Refresh no longer loops");
        assertThat(oddFile(10).get(1).changes()).containsExactly("Plus bullet fix");
        assertThat(oddFile(10)).allSatisfy(r -> assertThat(r.changes()).noneMatch(c -> c.contains("example.invalid")));
    }

    @Test
    void keepsOnlyTheNewestN() throws Exception {
        assertThat(oddFile(2)).extracting(KeepAChangelog.Release::version).containsExactly("0.13.0", "0.12.1");
    }

    @Test
    void comparesVersionsNumericallyWithPreReleasesFirst() {
        assertThat(KeepAChangelog.compareVersions("1.10.0", "1.9.0")).isPositive();
        assertThat(KeepAChangelog.compareVersions("2.0.0-beta.1", "2.0.0")).isNegative();
        assertThat(KeepAChangelog.parse("no releases here\n- stray bullet\n", 10)).isEmpty();
    }
}
