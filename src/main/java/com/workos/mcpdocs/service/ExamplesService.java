package com.workos.mcpdocs.service;

import com.workos.mcpdocs.corpus.Corpus;
import com.workos.mcpdocs.corpus.ExampleGroup;
import com.workos.mcpdocs.corpus.Heading;
import com.workos.mcpdocs.corpus.Page;
import com.workos.mcpdocs.render.CodeMarkers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Code examples: the fenced code blocks of the docs grouped by top-level area ({@code sso}, {@code authkit}...),
 * plus any example groups the corpus ships under {@code examples/}.
 */
public final class ExamplesService {

    private static final Pattern FENCE_OPEN = Pattern.compile("^(\\s*)(`{3,}|~{3,})\\s*([^\\s`]*)(.*)$");
    private static final Pattern TITLE = Pattern.compile("title=\"([^\"]*)\"");

    /** One code block found in a page. */
    public record CodeExample(String area, String pagePath, String pageTitle, String heading, String anchor,
                              String language, String title, String code) {
    }

    private final Corpus corpus;
    /** Collected on first use: scanning every page at start would delay the server for a tool rarely called. */
    private volatile Map<String, List<CodeExample>> byArea;

    public ExamplesService(Corpus corpus) {
        this.corpus = corpus;
    }

    /** The groups with their example counts and languages. */
    public String groups() {
        return groups(null);
    }

    /**
     * The groups with their example counts and languages; with a {@code language}, only the groups that have it.
     *
     * @throws NotFoundException when no example is in {@code language}, naming the languages there are
     */
    public String groups(String language) {
        StringBuilder out = new StringBuilder("# WorkOS code examples\n\n");
        if (byArea().isEmpty() && corpus.examples().isEmpty()) {
            return out.append("This corpus has no code examples.\n").toString();
        }
        String wanted = language == null || language.isBlank() ? null : normalizeLanguage(language);
        if (wanted != null && !hasLanguage(language)) {
            throw absentLanguage("No code examples", language, languages());
        }
        out.append("Code blocks from the docs, grouped by section").append(wanted == null ? "" : ", with " + language)
                .append(". Read a group with `workos_examples {\"example\": \"<group>\"}`, optionally with ")
                .append("`\"language\"` one of its languages.\n\n");
        out.append("| Group | Examples | Languages |\n|---|---|---|\n");
        byArea().forEach((area, examples) -> {
            if (wanted == null || examples.stream().anyMatch(e -> normalizeLanguage(e.language()).equals(wanted))) {
                out.append("| `").append(area).append("` | ").append(examples.size()).append(" | ")
                        .append(String.join(", ", languages(examples).keySet())).append(" |\n");
            }
        });
        for (ExampleGroup group : corpus.examples()) {
            List<String> fileLanguages = group.files().stream().map(ExampleGroup.ExampleFile::language).distinct()
                    .toList();
            if (wanted == null || fileLanguages.stream().anyMatch(l -> normalizeLanguage(l).equals(wanted))) {
                out.append("| `").append(group.name()).append("` | ").append(group.files().size())
                        .append(" files | ").append(String.join(", ", fileLanguages)).append(" |\n");
            }
        }
        return out.toString();
    }

    /** The languages of all examples, as the docs name them, most examples first. */
    public List<String> languages() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        byArea().values().forEach(examples -> languages(examples).forEach((l, n) -> counts.merge(l, n, Integer::sum)));
        corpus.examples().forEach(group -> group.files().forEach(f -> counts.merge(f.language(), 1, Integer::sum)));
        Map<String, String> byForm = new LinkedHashMap<>();
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(e -> byForm.putIfAbsent(normalizeLanguage(e.getKey()), e.getKey()));
        return List.copyOf(byForm.values());
    }

    /** Whether some example is in {@code language} (or another name of it: node for js). */
    public boolean hasLanguage(String language) {
        String wanted = normalizeLanguage(language);
        return languages().stream().anyMatch(l -> normalizeLanguage(l).equals(wanted));
    }

    private static NotFoundException absentLanguage(String what, String language, List<String> available) {
        // the message lists them: as "closest matches" as well they would be said twice
        return new NotFoundException(what + " in '" + language + "'. Languages with examples: "
                + String.join(", ", available) + ".", List.of());
    }

    /**
     * The examples of one group, optionally of one language.
     *
     * @throws NotFoundException for an unknown group or a language the group does not have
     */
    public String examples(String group, String language, Integer limit) {
        String name = group.strip().toLowerCase(Locale.ROOT).replaceFirst("^/", "");
        int max = Limit.EXAMPLES.check(limit, "limit");
        for (ExampleGroup shipped : corpus.examples()) {
            if (shipped.name().equalsIgnoreCase(name)) {
                return shippedGroup(shipped, language);
            }
        }
        List<CodeExample> examples = byArea().get(name);
        if (examples == null) {
            List<String> names = new ArrayList<>(byArea().keySet());
            corpus.examples().forEach(g -> names.add(g.name()));
            List<String> closest = ClosestPaths.closest(name, names, 5);
            throw new NotFoundException("No example group '" + group + "'. Groups: " + String.join(", ", names) + ".",
                    closest);
        }
        List<CodeExample> selected = examples;
        if (language != null && !language.isBlank()) {
            String wanted = normalizeLanguage(language);
            selected = examples.stream().filter(e -> normalizeLanguage(e.language()).equals(wanted)).toList();
            if (selected.isEmpty()) {
                throw new NotFoundException("Group '" + name + "' has no " + language + " examples. Languages here: "
                        + String.join(", ", languages(examples).keySet()) + ".", List.of());
            }
        }
        StringBuilder out = new StringBuilder("# Code examples: ").append(name).append("\n\n");
        out.append(selected.size()).append(" examples").append(selected.size() > max ? ", showing " + max : "")
                .append(". Each names the page and section it comes from; read the whole page with `workos_docs`.\n");
        for (CodeExample e : selected.stream().limit(max).toList()) {
            out.append("\n## ").append(e.title().isEmpty() ? e.heading() : e.title())
                    .append(" (").append(e.language().isEmpty() ? "text" : e.language()).append(")\n\n");
            out.append("From `").append(e.pagePath()).append("`").append(e.heading().isEmpty() ? "" : " > " + e.heading())
                    .append(": ").append(Page.DOCS_BASE_URL).append(e.pagePath())
                    .append(e.anchor().isEmpty() ? "" : "#" + e.anchor()).append("\n\n");
            out.append("```").append(e.language()).append('\n').append(e.code()).append("\n```\n");
        }
        if (selected.size() > max) {
            out.append("\n").append(selected.size() - max).append(" more: pass a larger `limit` or a `language`.\n");
        }
        return out.toString();
    }

    private String shippedGroup(ExampleGroup group, String language) {
        List<String> fileLanguages = group.files().stream().map(ExampleGroup.ExampleFile::language).distinct().toList();
        if (language != null && !language.isBlank() && fileLanguages.stream()
                .noneMatch(l -> normalizeLanguage(l).equals(normalizeLanguage(language)))) {
            throw absentLanguage("Example '" + group.name() + "' has no files", language, fileLanguages);
        }
        StringBuilder out = new StringBuilder("# Example: ").append(group.name()).append("\n\n");
        for (ExampleGroup.ExampleFile file : group.files()) {
            if (language != null && !language.isBlank()
                    && !normalizeLanguage(file.language()).equals(normalizeLanguage(language))) {
                continue;
            }
            out.append("## ").append(file.path()).append("\n\n```").append(file.language()).append('\n')
                    .append(file.content().strip()).append("\n```\n\n");
        }
        return out.toString();
    }

    /** All code blocks by area, in page order. */
    public Map<String, List<CodeExample>> byArea() {
        Map<String, List<CodeExample>> result = byArea;
        if (result == null) {
            result = collect(corpus);
            byArea = result;
        }
        return result;
    }

    private static Map<String, List<CodeExample>> collect(Corpus corpus) {
        Map<String, List<CodeExample>> out = new TreeMap<>();
        for (Page page : corpus.pages()) {
            for (CodeExample example : codeBlocks(page)) {
                out.computeIfAbsent(example.area(), k -> new ArrayList<>()).add(example);
            }
        }
        return out;
    }

    static List<CodeExample> codeBlocks(Page page) {
        List<CodeExample> out = new ArrayList<>();
        String[] lines = page.body().split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher open = FENCE_OPEN.matcher(lines[i]);
            if (!open.matches()) {
                continue;
            }
            String fence = open.group(2);
            String indent = open.group(1);
            StringBuilder code = new StringBuilder();
            int j = i + 1;
            while (j < lines.length && !lines[j].strip().equals(fence)) {
                String line = lines[j];
                code.append(line.startsWith(indent) ? line.substring(indent.length()) : line).append('\n');
                j++;
            }
            Matcher title = TITLE.matcher(open.group(4));
            Heading heading = headingBefore(page, i);
            String text = CodeMarkers.strip(code.toString()).stripTrailing();
            if (!text.isBlank()) {
                out.add(new CodeExample(page.area(), page.path(), page.title(),
                        heading == null ? page.title() : heading.text(), heading == null ? "" : heading.anchor(),
                        open.group(3), title.find() ? title.group(1) : "", text));
            }
            i = j;
        }
        return out;
    }

    private static Heading headingBefore(Page page, int line) {
        Heading found = null;
        for (Heading h : page.headings()) {
            if (h.line() < line) {
                found = h;
            }
        }
        return found;
    }

    private static Map<String, Integer> languages(List<CodeExample> examples) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        examples.forEach(e -> counts.merge(e.language().isEmpty() ? "text" : e.language(), 1, Integer::sum));
        return counts;
    }

    static String normalizeLanguage(String language) {
        String l = language.strip().toLowerCase(Locale.ROOT);
        return switch (l) {
            case "", "plain", "text", "txt", "plaintext" -> "text";
            case "js", "javascript", "node", "jsx", "mjs" -> "javascript";
            case "ts", "typescript", "tsx" -> "typescript";
            case "py", "python" -> "python";
            case "rb", "ruby" -> "ruby";
            case "sh", "bash", "shell", "curl", "zsh" -> "shell";
            case "golang", "go" -> "go";
            case "cs", "csharp", "c#", "dotnet", ".net" -> "csharp";
            default -> l;
        };
    }
}
