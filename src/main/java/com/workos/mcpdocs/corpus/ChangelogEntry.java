package com.workos.mcpdocs.corpus;

import java.util.List;

/**
 * One release or announcement of a package's changelog.
 *
 * @param packageName e.g. {@code workos-platform}
 * @param version     a version number, or the announcement's title for feed entries
 * @param date        ISO date ({@code 2026-02-17}), or empty when unknown
 * @param changes     the change lines
 * @param source      {@code rss} or {@code markdown}
 * @param url         a link to the full entry, or empty
 */
public record ChangelogEntry(String packageName, String version, String date, List<String> changes, String source,
                             String url) {
    public ChangelogEntry {
        changes = List.copyOf(changes);
    }
}
