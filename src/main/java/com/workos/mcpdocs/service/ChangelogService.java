package com.workos.mcpdocs.service;

import com.workos.mcpdocs.corpus.ChangelogEntry;
import com.workos.mcpdocs.corpus.Corpus;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/** Changelog entries by package, newest first. */
public final class ChangelogService {

    public static final int DEFAULT_LIMIT = Limit.CHANGELOG_ENTRIES.defaultValue();
    public static final int MAX_LIMIT = Limit.CHANGELOG_ENTRIES.max();

    private final Corpus corpus;
    private final Calls calls;

    public ChangelogService(Corpus corpus) {
        this(corpus, Calls.TOOLS);
    }

    /** @param calls how answers point at further reading: tool calls for a model, commands for a person */
    public ChangelogService(Corpus corpus, Calls calls) {
        this.corpus = corpus;
        this.calls = calls;
    }

    /** The packages with their entry counts and latest dates. */
    public String packages() {
        Map<String, List<ChangelogEntry>> logs = corpus.changelogs();
        if (logs.isEmpty()) {
            return "This corpus (" + corpus.info().describe() + ") has no changelogs.\n";
        }
        StringBuilder out = new StringBuilder("# WorkOS changelogs\n\n| Package | Entries | Latest |\n|---|---|---|\n");
        logs.forEach((name, entries) -> out.append("| `").append(name).append("` | ").append(entries.size())
                .append(" | ").append(entries.isEmpty() ? "" : entries.get(0).date()).append(" |\n"));
        out.append("\nRead one with `").append(calls.changelog(null)).append("`.\n");
        return out.toString();
    }

    /**
     * Entries of one package, newest first.
     *
     * @param since ISO date (inclusive) or {@code null}
     * @throws NotFoundException        for an unknown package, listing the available ones
     * @throws IllegalArgumentException for a malformed date
     */
    public String entries(String pkg, Integer limit, String since) {
        List<ChangelogEntry> entries = corpus.changelogs().get(pkg.strip());
        if (entries == null) {
            throw new NotFoundException("No changelog for package '" + pkg + "'. Available: "
                    + String.join(", ", corpus.changelogs().keySet()) + ".",
                    List.copyOf(corpus.changelogs().keySet()));
        }
        LocalDate from = null;
        if (since != null && !since.isBlank()) {
            try {
                from = LocalDate.parse(since.strip());
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("'since' must be an ISO date such as 2025-01-31, not '" + since + "'.");
            }
        }
        int max = Limit.CHANGELOG_ENTRIES.check(limit, "limit");
        LocalDate cutoff = from;
        List<ChangelogEntry> selected = entries.stream()
                .filter(e -> cutoff == null || onOrAfter(e.date(), cutoff))
                .toList();
        StringBuilder out = new StringBuilder("# Changelog: ").append(pkg.strip()).append("\n\n");
        out.append(selected.size()).append(selected.size() == 1 ? " entry" : " entries")
                .append(cutoff == null ? "" : " since " + cutoff)
                .append(selected.size() > max ? ", showing the newest " + max : "").append(".\n");
        for (ChangelogEntry entry : selected.stream().limit(max).toList()) {
            out.append("\n## ").append(entry.version());
            if (!entry.date().isEmpty()) {
                out.append(" (").append(entry.date()).append(')');
            }
            out.append("\n\n");
            entry.changes().forEach(change -> out.append("- ").append(change.strip()).append('\n'));
            if (!entry.url().isEmpty()) {
                out.append("\n").append(entry.url()).append('\n');
            }
        }
        return out.toString();
    }

    private static boolean onOrAfter(String date, LocalDate cutoff) {
        try {
            return !LocalDate.parse(date).isBefore(cutoff);
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
