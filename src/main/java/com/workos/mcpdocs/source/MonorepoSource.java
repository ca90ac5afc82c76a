package com.workos.mcpdocs.source;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads a docs monorepo checkout in the layout the npm package's own build reads, and lays it out as
 * {@code .docs/organized}: {@code packages/docs/content/**}{@code /*.{md,mdx}} become {@code docs/},
 * {@code examples/**}{@code /*.{ts,js,tsx,jsx}} become one example group per first folder, and
 * {@code packages/<name>/CHANGELOG.md} become {@code changelogs/<name>.json}.
 */
public final class MonorepoSource {

    private static final Pattern DOC = Pattern.compile(".*\\.mdx?$");
    private static final Pattern EXAMPLE = Pattern.compile(".*\\.(ts|js|tsx|jsx)$");
    private static final Pattern PACKAGE_NAME = Pattern.compile("\"name\"\\s*:\\s*\"([^\"]+)\"");
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private MonorepoSource() {
    }

    /**
     * @param keepReleases how many releases of each CHANGELOG.md to keep, newest first
     * @throws IOException when {@code root} has no {@code packages/docs/content} folder
     */
    public static ContentTree read(Path root, int keepReleases) throws IOException {
        Path content = root.resolve("packages/docs/content");
        if (!Files.isDirectory(content)) {
            throw new IOException(root + " is not a docs monorepo checkout: it has no packages/docs/content folder. "
                    + "Pass the checkout's root, or use --from-dir for a folder in the .docs/organized layout.");
        }
        Map<String, byte[]> files = new TreeMap<>();
        for (Path doc : filesUnder(content, DOC)) {
            files.put("docs/" + relative(content, doc), Files.readAllBytes(doc));
        }
        examples(root.resolve("examples"), files);
        changelogs(root.resolve("packages"), keepReleases, files);
        return new ContentTree("monorepo " + root.toAbsolutePath().normalize(), files);
    }

    private static void examples(Path examples, Map<String, byte[]> files) throws IOException {
        if (!Files.isDirectory(examples)) {
            return;
        }
        Map<String, List<String>> groups = new TreeMap<>();
        for (Path file : filesUnder(examples, EXAMPLE)) {
            String rel = relative(examples, file);
            int slash = rel.indexOf('/');
            if (slash < 0) {
                continue; // a file directly in examples/ belongs to no group
            }
            String group = rel.substring(0, slash);
            String inGroup = rel.substring(slash + 1);
            groups.computeIfAbsent(group, g -> new ArrayList<>()).add(inGroup);
            files.put("examples/" + rel, Files.readAllBytes(file));
        }
        groups.forEach((group, names) -> {
            ObjectNode index = JSON.createObjectNode();
            index.put("name", group);
            index.put("path", "examples/" + group);
            ArrayNode list = index.putArray("files");
            names.forEach(list::add);
            files.put("examples/" + group + "/index.json",
                    JSON.writerWithDefaultPrettyPrinter().writeValueAsString(index).getBytes(StandardCharsets.UTF_8));
        });
    }

    private static void changelogs(Path packages, int keep, Map<String, byte[]> files) throws IOException {
        if (!Files.isDirectory(packages)) {
            return;
        }
        try (Stream<Path> dirs = Files.list(packages)) {
            for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
                Path changelog = dir.resolve("CHANGELOG.md");
                if (!Files.isRegularFile(changelog)) {
                    continue;
                }
                String pkg = packageName(dir);
                ArrayNode entries = JSON.createArrayNode();
                for (KeepAChangelog.Release release : KeepAChangelog.parse(
                        Files.readString(changelog, StandardCharsets.UTF_8), keep)) {
                    ObjectNode entry = entries.addObject();
                    entry.put("package", pkg);
                    entry.put("version", release.version());
                    entry.put("date", release.date());
                    release.changes().forEach(entry.putArray("changes")::add);
                    entry.put("source", "markdown");
                }
                files.put("changelogs/" + dir.getFileName() + ".json",
                        JSON.writerWithDefaultPrettyPrinter().writeValueAsString(entries)
                                .getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    /** The name in the package's package.json, else its folder name. */
    private static String packageName(Path dir) throws IOException {
        Path manifest = dir.resolve("package.json");
        if (Files.isRegularFile(manifest)) {
            Matcher m = PACKAGE_NAME.matcher(Files.readString(manifest, StandardCharsets.UTF_8));
            if (m.find()) {
                return m.group(1);
            }
        }
        return dir.getFileName().toString();
    }

    private static List<Path> filesUnder(Path dir, Pattern name) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> name.matcher(p.getFileName().toString()).matches())
                    .filter(p -> !relative(dir, p).contains("node_modules/"))
                    .sorted().toList();
        }
    }

    private static String relative(Path root, Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }
}
