package com.workos.mcpdocs.search;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The domain synonym groups from {@code /search/synonyms.txt}: a query that mentions one phrase of a group is also
 * matched, more weakly, on the others.
 */
final class Synonyms {

    private final List<List<String>> groups;
    private final List<List<Pattern>> patterns;

    private Synonyms(List<List<String>> groups) {
        this.groups = groups;
        this.patterns = groups.stream().map(g -> g.stream()
                .map(p -> Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(p) + "(?![\\p{L}\\p{N}])"))
                .toList()).toList();
    }

    static Synonyms load() {
        try (InputStream in = Synonyms.class.getResourceAsStream("/search/synonyms.txt")) {
            if (in == null) {
                return new Synonyms(List.of());
            }
            List<List<String>> groups = new ArrayList<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                groups.add(Arrays.stream(line.split(",")).map(s -> s.strip().toLowerCase(Locale.ROOT))
                        .filter(s -> !s.isEmpty()).toList());
            }
            return new Synonyms(groups);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A synonym group the query mentions: the phrase it used, and the group's phrases it does not contain. */
    record Expansion(String mentioned, Set<String> others) {
    }

    /** For each synonym group the query mentions, its phrases that the query does not contain. */
    List<Expansion> expansions(String query) {
        String text = query.toLowerCase(Locale.ROOT);
        List<Expansion> out = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) {
            String mentioned = null;
            for (int i = 0; i < groups.get(g).size(); i++) {
                if (mentions(text, g, i)) {
                    mentioned = groups.get(g).get(i);
                    break;
                }
            }
            if (mentioned != null) {
                Set<String> others = new LinkedHashSet<>();
                for (int i = 0; i < groups.get(g).size(); i++) {
                    if (!mentions(text, g, i)) {
                        others.add(groups.get(g).get(i));
                    }
                }
                if (!others.isEmpty()) {
                    out.add(new Expansion(mentioned, others));
                }
            }
        }
        return out;
    }

    /** Whether {@code text} contains phrase {@code i} of group {@code g} as whole words. */
    private boolean mentions(String text, int g, int i) {
        // Most phrases are not in the query at all: a plain substring test rules them out before the word-boundary
        // pattern runs.
        return text.contains(groups.get(g).get(i)) && patterns.get(g).get(i).matcher(text).find();
    }
}
