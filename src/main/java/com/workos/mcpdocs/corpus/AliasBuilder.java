package com.workos.mcpdocs.corpus;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Builds the alias table of a new corpus by comparing it with the previous one: a page whose path disappeared is
 * matched to the new page with the same source file name ({@code originalPath} tail), the same title, or nearly the
 * same text; with no match it is recorded as removed. Aliases the previous corpus already carried are kept and
 * followed, so paths from two or more versions back still answer.
 */
public final class AliasBuilder {

    /** Word-set overlap at which two pages count as the same text even with a different name and title. */
    static final double NEAR_IDENTICAL = 0.85;
    /** Overlap that, with the same file name or title, is enough to call it the same page. */
    static final double SIMILAR = 0.4;

    private AliasBuilder() {
    }

    /**
     * The aliases {@code current} should carry, given the {@code previous} corpus.
     *
     * @param previousLabel how to name the previous version in the table (e.g. its version)
     */
    public static PathAliases build(Corpus previous, Corpus current, String previousLabel) {
        Map<String, Page> added = new TreeMap<>();
        current.pagesByPath().forEach((path, page) -> {
            if (previous.page(path).isEmpty()) {
                added.put(path, page);
            }
        });
        Map<String, Set<String>> addedWords = new HashMap<>();
        added.forEach((path, page) -> addedWords.put(path, words(page)));
        Map<String, Integer> tailCounts = new HashMap<>();
        current.pages().forEach(page -> tailCounts.merge(tail(page, 1), 1, Integer::sum));

        TreeMap<String, String> moved = new TreeMap<>();
        SortedSet<String> removed = new TreeSet<>();
        for (Page old : previous.pages()) {
            if (current.page(old.path()).isPresent()) {
                continue;
            }
            Optional<String> match = bestMatch(old, added, addedWords, tailCounts);
            if (match.isPresent()) {
                moved.put(old.path(), match.get());
            } else {
                removed.add(old.path());
            }
        }
        renamedFolders(previous, current, moved, removed);
        // Older aliases: follow them to where their page lives now.
        PathAliases older = previous.aliases();
        older.moved().forEach((oldPath, target) -> {
            if (current.page(oldPath).isPresent() || moved.containsKey(oldPath)) {
                return;
            }
            String now = current.page(target).isPresent() ? target : moved.get(target);
            if (now != null) {
                moved.put(oldPath, now);
            } else {
                removed.add(oldPath);
            }
        });
        older.removed().stream().filter(p -> current.page(p).isEmpty() && !moved.containsKey(p)).forEach(removed::add);
        List<String> from = new ArrayList<>(older.from());
        if (!from.contains(previousLabel)) {
            from.add(previousLabel);
        }
        return new PathAliases(moved, removed, from);
    }

    /**
     * A folder page whose children mostly moved to one new folder moved there too ({@code user-management} became
     * {@code authkit}), even though its own title and text changed with the rename.
     */
    private static void renamedFolders(Corpus previous, Corpus current, Map<String, String> moved,
                                       SortedSet<String> removed) {
        for (String folder : List.copyOf(removed)) {
            Map<String, Integer> targets = new HashMap<>();
            int children = 0;
            for (String child : previous.pagesUnder(folder).keySet()) {
                children++;
                String target = moved.get(child);
                String rest = child.substring(folder.length());
                if (target != null && target.endsWith(rest)) {
                    targets.merge(target.substring(0, target.length() - rest.length()), 1, Integer::sum);
                }
            }
            final int total = children;
            targets.entrySet().stream()
                    .filter(e -> e.getValue() * 2 > total && current.page(e.getKey()).isPresent())
                    .findFirst()
                    .ifPresent(e -> {
                        moved.put(folder, e.getKey());
                        removed.remove(folder);
                    });
        }
    }

    private static Optional<String> bestMatch(Page old, Map<String, Page> added, Map<String, Set<String>> addedWords,
                                              Map<String, Integer> tailCounts) {
        Set<String> oldWords = words(old);
        String oldTail = tail(old, 1);
        String oldTail2 = tail(old, 2);
        // A file name many pages share (create, get, list, authkit) identifies a page only together with its folder.
        boolean generic = tailCounts.getOrDefault(oldTail, 0) > 2;
        String oldTitle = title(old);
        String best = null;
        double bestScore = 0;
        for (Map.Entry<String, Page> candidate : added.entrySet()) {
            Page page = candidate.getValue();
            double overlap = jaccard(oldWords, addedWords.get(candidate.getKey()));
            boolean sameName = !oldTail.isEmpty() && oldTail.equals(tail(page, 1));
            boolean strongName = sameName && (!generic || oldTail2.equals(tail(page, 2)));
            boolean sameTitle = !oldTitle.isEmpty() && oldTitle.equals(title(page));
            boolean sameSection = section(old.path()).equals(section(page.path()));
            boolean accepted = overlap >= NEAR_IDENTICAL
                    || (strongName && (sameTitle || overlap >= SIMILAR))
                    || (sameTitle && (overlap >= SIMILAR || (sameName && overlap >= SIMILAR / 4)))
                    || (sameSection && overlap >= SIMILAR + 0.1);
            if (!accepted) {
                continue;
            }
            // Text first; a shared title, file name or section breaks ties between similar pages.
            double score = overlap + (sameTitle ? 0.5 : 0) + (strongName ? 0.3 : sameName ? 0.15 : 0)
                    + (sameSection ? 0.3 : 0);
            if (score > bestScore) {
                bestScore = score;
                best = candidate.getKey();
            }
        }
        return Optional.ofNullable(best);
    }

    /** The area of a path: {@code reference/roles} for reference pages, else the first folder. */
    private static String section(String path) {
        String[] parts = path.split("/");
        return parts[0].equals("reference") && parts.length > 1 ? parts[0] + "/" + parts[1] : parts[0];
    }

    /** The page's own title, lower case; empty when the loader only derived it from the path. */
    private static String title(Page page) {
        String title = page.title().strip();
        String lastSegment = page.path().substring(page.path().lastIndexOf('/') + 1);
        return title.equals(lastSegment) ? "" : title.toLowerCase(Locale.ROOT);
    }

    /**
     * The last {@code segments} names of the page's source file ({@code originalPath}), without extension and with an
     * {@code index} file named by its folder: {@code sessions} for {@code .../user-management/sessions.mdx} and
     * {@code authkit} for {@code .../authkit/index.mdx}.
     */
    static String tail(Page page, int segments) {
        String source = page.originalPath().isEmpty() ? page.sourceFile() : page.originalPath();
        String name = source.replace('\\', '/').replaceFirst("\\.mdx?$", "").replaceFirst("(^|/)index$", "");
        String[] parts = name.split("/");
        int from = Math.max(0, parts.length - segments);
        return String.join("/", java.util.Arrays.copyOfRange(parts, from, parts.length));
    }

    /** The words of a page's content; title and source path are left out since they are compared on their own. */
    static Set<String> words(Page page) {
        StringBuilder text = new StringBuilder(page.body());
        // Reference pages carry most of their text in the frontmatter, so it counts too.
        page.frontmatter().forEach((key, value) -> {
            if (!key.equals("title") && !key.equals("originalPath")) {
                text.append(' ').append(value);
            }
        });
        Set<String> words = new HashSet<>();
        for (String word : text.toString().toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (word.length() > 2) {
                words.add(word);
            }
        }
        return words;
    }

    static double jaccard(Set<String> a, Set<String> b) {
        if (a.isEmpty() && b.isEmpty()) {
            return 1;
        }
        int shared = 0;
        Set<String> small = a.size() < b.size() ? a : b;
        Set<String> large = small == a ? b : a;
        for (String word : small) {
            if (large.contains(word)) {
                shared++;
            }
        }
        return (double) shared / (a.size() + b.size() - shared);
    }
}
