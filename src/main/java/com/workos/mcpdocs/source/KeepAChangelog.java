package com.workos.mcpdocs.source;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a {@code CHANGELOG.md} in Keep-a-Changelog form ({@code ## [1.2.0] - 2025-01-31}, then {@code - change}
 * lines). Real files drift from the form, so it also accepts {@code ## 1.2.0 (2025-01-31)}, {@code ## v1.2.0},
 * {@code *} bullets, wrapped bullet lines, {@code ### Added} sub-headings and CRLF, and skips {@code Unreleased}.
 */
public final class KeepAChangelog {

    private static final Pattern RELEASE = Pattern.compile(
            "^##\\s+\\[?v?(?<version>[0-9][0-9A-Za-z.+\\-]*)\\]?\\s*(?:[-–—:]\\s*)?\\(?"
                    + "(?<date>\\d{4}[-/.]\\d{1,2}[-/.]\\d{1,2})?\\)?.*$");
    private static final Pattern BULLET = Pattern.compile("^\\s{0,3}[-*+]\\s+(.*)$");
    private static final Pattern LINK_DEFINITION = Pattern.compile("^\\s*\\[[^\\]]+\\]:\\s*\\S+.*$");

    private KeepAChangelog() {
    }

    /** One release with its changes. */
    public record Release(String version, String date, List<String> changes) {
    }

    /** The newest {@code keep} releases, newest first (by version number, as files are not always in order). */
    public static List<Release> parse(String markdown, int keep) {
        List<Release> releases = new ArrayList<>();
        String version = null;
        String date = "";
        List<String> changes = new ArrayList<>();
        for (String line : markdown.replace("\r\n", "\n").replace('\r', '\n').split("\n")) {
            if (line.startsWith("## ")) {
                if (version != null) {
                    releases.add(new Release(version, date, changes));
                }
                Matcher m = RELEASE.matcher(line.strip());
                version = m.matches() ? m.group("version") : null; // Unreleased and prose headings are skipped
                date = version != null && m.group("date") != null ? isoDate(m.group("date")) : "";
                changes = new ArrayList<>();
                continue;
            }
            if (version == null || line.startsWith("#") || LINK_DEFINITION.matcher(line).matches()) {
                continue;
            }
            Matcher bullet = BULLET.matcher(line);
            if (bullet.matches()) {
                changes.add(clean(bullet.group(1)));
            } else if (!line.isBlank() && !changes.isEmpty() && Character.isWhitespace(line.charAt(0))) {
                int last = changes.size() - 1; // a wrapped bullet continues on an indented line
                changes.set(last, changes.get(last) + " " + clean(line));
            }
        }
        if (version != null) {
            releases.add(new Release(version, date, changes));
        }
        releases.sort(Comparator.comparing((Release r) -> r.version, KeepAChangelog::compareVersions).reversed());
        return List.copyOf(releases.subList(0, Math.min(keep, releases.size())));
    }

    private static String clean(String text) {
        return text.strip().replaceAll("\\s+", " ");
    }

    static String isoDate(String date) {
        String[] parts = date.split("[-/.]");
        return String.format("%s-%02d-%02d", parts[0], Integer.parseInt(parts[1]), Integer.parseInt(parts[2]));
    }

    /** Compares dotted versions numerically where both parts are numbers; a pre-release sorts before its release. */
    static int compareVersions(String a, String b) {
        String[] coreA = a.split("[-+]", 2);
        String[] coreB = b.split("[-+]", 2);
        String[] pa = coreA[0].split("\\.");
        String[] pb = coreB[0].split("\\.");
        for (int i = 0; i < Math.max(pa.length, pb.length); i++) {
            String x = i < pa.length ? pa[i] : "0";
            String y = i < pb.length ? pb[i] : "0";
            int c = x.matches("\\d+") && y.matches("\\d+")
                    ? new java.math.BigInteger(x).compareTo(new java.math.BigInteger(y)) : x.compareTo(y);
            if (c != 0) {
                return c;
            }
        }
        boolean preA = a.contains("-");
        boolean preB = b.contains("-");
        return preA == preB ? a.compareTo(b) : preA ? -1 : 1;
    }
}
