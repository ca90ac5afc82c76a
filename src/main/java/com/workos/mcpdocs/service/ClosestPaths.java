package com.workos.mcpdocs.service;

import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.search.spell.LevenshteinDistance;

/** Ranks existing names by how close they are to a name that was not found. */
public final class ClosestPaths {

    private ClosestPaths() {
    }

    /** Up to {@code limit} candidates closest to {@code wanted}, best first. */
    public static List<String> closest(String wanted, Collection<String> candidates, int limit) {
        String target = wanted.toLowerCase();
        Set<String> wantedTokens = tokens(target);
        String wantedLast = lastSegment(target);
        return candidates.stream()
                .map(c -> new Scored(c, score(target, wantedTokens, wantedLast, c.toLowerCase())))
                .filter(s -> s.score > 0.2)
                .sorted(Comparator.comparingDouble((Scored s) -> -s.score).thenComparing(s -> s.name))
                .limit(limit)
                .map(s -> s.name)
                .toList();
    }

    private static final LevenshteinDistance EDIT_DISTANCE = new LevenshteinDistance();

    private record Scored(String name, double score) {
    }

    private static double score(String wanted, Set<String> wantedTokens, String wantedLast, String candidate) {
        if (wanted.isEmpty()) {
            return 0;
        }
        double similarity = similarity(wanted, candidate);
        Set<String> candidateTokens = tokens(candidate);
        long shared = wantedTokens.stream().filter(candidateTokens::contains).count();
        double overlap = wantedTokens.isEmpty() ? 0 : (double) shared / wantedTokens.size();
        String last = lastSegment(candidate);
        double lastBonus = last.equals(wantedLast) ? 0.5
                : similarity(last, wantedLast) * 0.3;
        boolean containment = candidate.endsWith("/" + wanted) || candidate.contains(wanted);
        return similarity * 0.5 + overlap * 0.6 + lastBonus + (containment ? 0.4 : 0);
    }

    private static Set<String> tokens(String path) {
        return new HashSet<>(Arrays.asList(path.split("[/\\-_.\\s]+")));
    }

    private static String lastSegment(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /**
     * {@code 1 - edits / longer length}, by Lucene's edit distance (the one the search's spelling correction uses);
     * 0 for very long inputs, which are not paths anyone mistyped.
     */
    static double similarity(String a, String b) {
        if (a.length() > 200 || b.length() > 200) {
            return 0;
        }
        return EDIT_DISTANCE.getDistance(a, b);
    }
}
