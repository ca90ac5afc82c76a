package com.workos.mcpdocs.corpus;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The immutable, in-memory documentation corpus: pages by path, sidebars, changelogs and example groups.
 * Every lookup by path happens here, in memory; nothing is ever resolved against the file system.
 */
public final class Corpus {

    private final CorpusInfo info;
    private final SortedMap<String, Page> pages;
    private final List<Navigation> navigation;
    private final SortedMap<String, List<ChangelogEntry>> changelogs;
    private final List<ExampleGroup> examples;
    private final List<LoadProblem> problems;
    private final String contentId;
    private final PathAliases aliases;

    public Corpus(CorpusInfo info, Map<String, Page> pages, List<Navigation> navigation,
                  Map<String, List<ChangelogEntry>> changelogs, List<ExampleGroup> examples,
                  List<LoadProblem> problems) {
        this(info, pages, navigation, changelogs, examples, problems, PathAliases.none(), "");
    }

    /**
     * @param contentId a digest of the files the corpus was made from (see {@code ContentTree#contentId}), or empty
     *                  when unknown
     */
    public Corpus(CorpusInfo info, Map<String, Page> pages, List<Navigation> navigation,
                  Map<String, List<ChangelogEntry>> changelogs, List<ExampleGroup> examples,
                  List<LoadProblem> problems, String contentId) {
        this(info, pages, navigation, changelogs, examples, problems, PathAliases.none(), contentId);
    }

    /** A corpus that also knows the paths its pages had in earlier versions. */
    public Corpus(CorpusInfo info, Map<String, Page> pages, List<Navigation> navigation,
                  Map<String, List<ChangelogEntry>> changelogs, List<ExampleGroup> examples,
                  List<LoadProblem> problems, PathAliases aliases) {
        this(info, pages, navigation, changelogs, examples, problems, aliases, "");
    }

    /** Everything a corpus has: content, earlier paths, and the digest of its source files. */
    public Corpus(CorpusInfo info, Map<String, Page> pages, List<Navigation> navigation,
                  Map<String, List<ChangelogEntry>> changelogs, List<ExampleGroup> examples,
                  List<LoadProblem> problems, PathAliases aliases, String contentId) {
        this.aliases = aliases;
        this.contentId = contentId;
        this.info = info;
        this.pages = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(pages));
        this.navigation = List.copyOf(navigation);
        TreeMap<String, List<ChangelogEntry>> logs = new TreeMap<>();
        changelogs.forEach((name, entries) -> logs.put(name, List.copyOf(entries)));
        this.changelogs = java.util.Collections.unmodifiableSortedMap(logs);
        this.examples = List.copyOf(examples);
        this.problems = List.copyOf(problems);
    }

    /** A corpus with nothing in it, for a jar built without content. */
    public static Corpus empty(CorpusInfo info) {
        return new Corpus(info, Map.of(), List.of(), Map.of(), List.of(), List.of());
    }

    /** A digest of the source files, empty when unknown; equal digests mean equal content. */
    public String contentId() {
        return contentId;
    }

    public CorpusInfo info() {
        return info;
    }

    public Optional<Page> page(String path) {
        return Optional.ofNullable(pages.get(path));
    }

    /** All pages, sorted by path. */
    public Collection<Page> pages() {
        return pages.values();
    }

    /** Page paths in sorted order. */
    public SortedMap<String, Page> pagesByPath() {
        return pages;
    }

    /** Pages whose path lies under {@code folder} (not including {@code folder} itself). */
    public SortedMap<String, Page> pagesUnder(String folder) {
        String from = folder + "/";
        return pages.subMap(from, folder + "0"); // '0' sorts right after '/'
    }

    public List<Navigation> navigation() {
        return navigation;
    }

    public Optional<Navigation> navigation(String area) {
        return navigation.stream().filter(n -> n.area().equals(area)).findFirst();
    }

    /** Changelog entries by package, each list newest first. */
    public SortedMap<String, List<ChangelogEntry>> changelogs() {
        return changelogs;
    }

    public List<ExampleGroup> examples() {
        return examples;
    }

    /** Files that could not be loaded. */
    public List<LoadProblem> problems() {
        return problems;
    }

    /** Old paths of pages that moved or were removed in later versions. */
    public PathAliases aliases() {
        return aliases;
    }

    public boolean isEmpty() {
        return pages.isEmpty() && changelogs.isEmpty();
    }
}
