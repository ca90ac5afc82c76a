package com.workos.mcpdocs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Holds the code to the layout of {@code docs/ARCHITECTURE.md}: every package of {@code src/main/java} uses only the
 * packages the table below allows (imports, static imports and qualified names alike), there is no cycle between
 * packages, and every package says what it is for in a {@code package-info.java}. A new package, or a new arrow
 * between two, is a change to that page and to this table together.
 */
class LayoutTest {

    private static final String ROOT = "com.workos.mcpdocs";

    /** Each package of ours and the packages of ours it may use; the flow runs from the top of this list down. */
    static final Map<String, Set<String>> ALLOWED = new LinkedHashMap<>();

    static {
        ALLOWED.put("corpus", Set.of());
        ALLOWED.put("source", Set.of());
        ALLOWED.put("render", Set.of("corpus"));
        ALLOWED.put("search", Set.of("corpus", "render"));
        ALLOWED.put("library", Set.of("corpus", "source", "render", "search"));
        ALLOWED.put("service", Set.of("corpus", "render", "search"));
        ALLOWED.put("mcp", Set.of("corpus", "render", "search", "service"));
        ALLOWED.put("mcp.stdio", Set.of("mcp"));
        ALLOWED.put("http", Set.of("corpus", "service", "mcp"));
        ALLOWED.put("", Set.of("corpus", "source", "render", "search", "library", "service", "mcp", "mcp.stdio",
                "http"));
        ALLOWED.put("cli", Set.of("corpus", "source", "render", "search", "library", "service", "mcp", "mcp.stdio",
                "http", ""));
    }

    /** A use of one of our classes: {@code com.workos.mcpdocs.x.y.Type}, the package being the lower-case part. */
    private static final Pattern USE = Pattern.compile("\\bcom\\.workos\\.mcpdocs((?:\\.[a-z][a-z0-9_]*)*)\\.[A-Z]");
    private static final Pattern PACKAGE = Pattern.compile("(?m)^package\\s+([\\w.]+)\\s*;");

    @Test
    void everyPackageUsesOnlyThePackagesItsLayerAllows() {
        Map<String, Map<String, Set<String>>> uses = uses(Path.of("src/main/java"));
        List<String> problems = new ArrayList<>(violations(uses));
        cycles(uses).forEach(cycle -> problems.add("package cycle: " + cycle));
        assertThat(problems).as("uses against the order in docs/ARCHITECTURE.md, and cycles").isEmpty();
    }

    @Test
    void everyPackageHasAPackageInfo() throws IOException {
        List<String> missing = new ArrayList<>();
        for (String pkg : uses(Path.of("src/main/java")).keySet()) {
            Path dir = Path.of("src/main/java", (ROOT + (pkg.isEmpty() ? "" : "." + pkg)).replace('.', '/'));
            if (!Files.isRegularFile(dir.resolve("package-info.java"))) {
                missing.add(pkg.isEmpty() ? ROOT : pkg);
            }
        }
        assertThat(missing).as("packages without a package-info.java").isEmpty();
    }

    @Test
    void aPlantedCycleAndAnUpwardImportAreReported(@TempDir Path src) throws IOException {
        write(src, "corpus/Page.java", "package com.workos.mcpdocs.corpus;\n"
                + "import com.workos.mcpdocs.service.DocsService;\nclass Page {}\n");
        write(src, "service/DocsService.java", "package com.workos.mcpdocs.service;\n"
                + "class DocsService { com.workos.mcpdocs.corpus.Page page; }\n");
        write(src, "render/Links.java", "package com.workos.mcpdocs.render;\nimport java.util.List;\n"
                + "class Links { com.workos.mcpdocs.corpus.Page page; }\n");

        Map<String, Map<String, Set<String>>> uses = uses(src);

        assertThat(violations(uses)).containsExactly(
                "corpus uses service (corpus/Page.java: com.workos.mcpdocs.service.DocsService); corpus may use "
                        + "nothing of ours");
        assertThat(cycles(uses)).containsExactly("corpus -> service -> corpus");
    }

    @Test
    void anUnlistedPackageIsReported(@TempDir Path src) throws IOException {
        write(src, "util/Strings.java", "package com.workos.mcpdocs.util;\nclass Strings {}\n");
        assertThat(violations(uses(src))).containsExactly(
                "util is not in the layout (docs/ARCHITECTURE.md and LayoutTest.ALLOWED)");
    }

    /** Package (relative to ours, "" for the root) to the packages of ours it uses, each with where it does so. */
    static Map<String, Map<String, Set<String>>> uses(Path sources) {
        Map<String, Map<String, Set<String>>> uses = new TreeMap<>();
        Path base = sources.resolve(ROOT.replace('.', '/'));
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String text = Files.readString(file);
                Matcher declared = PACKAGE.matcher(text);
                if (!declared.find() || !(declared.group(1) + ".").startsWith(ROOT + ".")) {
                    continue;
                }
                String pkg = relative(declared.group(1));
                Map<String, Set<String>> used = uses.computeIfAbsent(pkg, p -> new TreeMap<>());
                Matcher use = USE.matcher(text.substring(declared.end()));
                while (use.find()) {
                    String target = use.group(1).isEmpty() ? "" : use.group(1).substring(1);
                    if (!target.equals(pkg)) {
                        String where = base.relativize(file).toString().replace('\\', '/');
                        String what = ROOT + use.group(1) + "." + typeAt(text, declared.end() + use.end() - 1);
                        used.computeIfAbsent(target, t -> new TreeSet<>()).add(where + ": " + what);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return uses;
    }

    /** Every use the table does not allow, and every package it does not list. */
    static List<String> violations(Map<String, Map<String, Set<String>>> uses) {
        List<String> out = new ArrayList<>();
        uses.forEach((pkg, used) -> {
            Set<String> allowed = ALLOWED.get(pkg);
            if (allowed == null) {
                out.add(name(pkg) + " is not in the layout (docs/ARCHITECTURE.md and LayoutTest.ALLOWED)");
                return;
            }
            used.forEach((target, where) -> {
                if (!allowed.contains(target)) {
                    out.add(name(pkg) + " uses " + name(target) + " (" + where.iterator().next() + "); " + name(pkg)
                            + " may use " + (allowed.isEmpty() ? "nothing of ours"
                            : String.join(", ", allowed.stream().map(LayoutTest::name).sorted().toList())));
                }
            });
        });
        return out;
    }

    /** Each cycle between packages, as found by a depth-first walk ("a -> b -> a"). */
    static List<String> cycles(Map<String, Map<String, Set<String>>> uses) {
        List<String> out = new ArrayList<>();
        Map<String, Integer> state = new TreeMap<>();
        for (String pkg : uses.keySet()) {
            walk(pkg, uses, state, new ArrayList<>(), out);
        }
        return out;
    }

    private static void walk(String pkg, Map<String, Map<String, Set<String>>> uses, Map<String, Integer> state,
                             List<String> path, List<String> out) {
        Integer seen = state.get(pkg);
        if (seen != null && seen == 2) {
            return;
        }
        if (seen != null) {
            List<String> cycle = new ArrayList<>(path.subList(path.indexOf(pkg), path.size()));
            cycle.add(pkg);
            out.add(String.join(" -> ", cycle.stream().map(LayoutTest::name).toList()));
            return;
        }
        state.put(pkg, 1);
        path.add(pkg);
        for (String next : uses.getOrDefault(pkg, Map.of()).keySet()) {
            walk(next, uses, state, path, out);
        }
        path.remove(path.size() - 1);
        state.put(pkg, 2);
    }

    private static String relative(String pkg) {
        return pkg.equals(ROOT) ? "" : pkg.substring(ROOT.length() + 1);
    }

    private static String name(String pkg) {
        return pkg.isEmpty() ? ROOT : pkg;
    }

    private static String typeAt(String text, int start) {
        int end = start;
        while (end < text.length() && Character.isJavaIdentifierPart(text.charAt(end))) {
            end++;
        }
        return text.substring(start, end);
    }

    private static void write(Path root, String file, String text) throws IOException {
        Path path = root.resolve(ROOT.replace('.', '/')).resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, text);
    }
}
