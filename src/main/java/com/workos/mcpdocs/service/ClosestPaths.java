package com.workos.mcpdocs.service;

import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

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

    private record Scored(String name, double score) {
    }

    private static double score(String wanted, Set<String> wantedTokens, String wantedLast, String candidate) {
        if (wanted.isEmpty()) {
            return 0;
        }
        double similarity = 1.0 - (double) levenshtein(wanted, candidate) / Math.max(wanted.length(), candidate.length());
        Set<String> candidateTokens = tokens(candidate);
        long shared = wantedTokens.stream().filter(candidateTokens::contains).count();
        double overlap = wantedTokens.isEmpty() ? 0 : (double) shared / wantedTokens.size();
        String last = lastSegment(candidate);
        double lastBonus = last.equals(wantedLast) ? 0.5
                : (1.0 - (double) levenshtein(last, wantedLast) / Math.max(1, Math.max(last.length(), wantedLast.length()))) * 0.3;
        boolean containment = candidate.endsWith("/" + wanted) || candidate.contains(wanted);
        return similarity * 0.5 + overlap * 0.6 + lastBonus + (containment ? 0.4 : 0);
    }

    private static Set<String> tokens(String path) {
        return new HashSet<>(Arrays.asList(path.split("[/\\-_.\\s]+")));
    }

    private static String lastSegment(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** Edit distance, with early exit for very long inputs. */
    static int levenshtein(String a, String b) {
        if (a.length() > 200 || b.length() > 200) {
            return Math.max(a.length(), b.length());
        }
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
