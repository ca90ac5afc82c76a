package com.workos.mcpdocs.source;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
        ContentRoot checkout = ContentRoot.of(root);
        Map<String, byte[]> files = new TreeMap<>();
        checkout.files(checkout.path().resolve("packages/docs/content"), name -> wanted(name, DOC))
                .forEach((name, bytes) -> files.put("docs/" + name, bytes));
        examples(checkout, files);
        changelogs(checkout, keepReleases, files);
        return new ContentTree("monorepo " + checkout.path(), files, checkout.skipped());
    }

    private static boolean wanted(String relative, Pattern name) {
        return name.matcher(relative.substring(relative.lastIndexOf('/') + 1)).matches()
                && !relative.contains("node_modules/") && !relative.startsWith("node_modules");
    }

    private static void examples(ContentRoot checkout, Map<String, byte[]> files) throws IOException {
        Map<String, List<String>> groups = new TreeMap<>();
        checkout.files(checkout.path().resolve("examples"), name -> wanted(name, EXAMPLE)).forEach((rel, bytes) -> {
            int slash = rel.indexOf('/');
            if (slash < 0) {
                return; // a file directly in examples/ belongs to no group
            }
            String group = rel.substring(0, slash);
            groups.computeIfAbsent(group, g -> new ArrayList<>()).add(rel.substring(slash + 1));
            files.put("examples/" + rel, bytes);
        });
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

    private static void changelogs(ContentRoot checkout, int keep, Map<String, byte[]> files) throws IOException {
        Path packages = checkout.path().resolve("packages");
        if (!checkout.isFolderInside(packages)) {
            return;
        }
        try (Stream<Path> dirs = Files.list(packages)) {
            for (Path dir : dirs.sorted().toList()) {
                Path changelog = dir.resolve("CHANGELOG.md");
                if (!Files.isDirectory(dir) || !Files.exists(changelog, LinkOption.NOFOLLOW_LINKS)
                        || !checkout.isFolderInside(dir)) {
                    continue;
                }
                Optional<byte[]> text = checkout.read(changelog);
                if (text.isEmpty()) {
                    continue;
                }
                String pkg = packageName(checkout, dir);
                ArrayNode entries = JSON.createArrayNode();
                for (KeepAChangelog.Release release : KeepAChangelog.parse(
                        new String(text.get(), StandardCharsets.UTF_8), keep)) {
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
    private static String packageName(ContentRoot checkout, Path dir) {
        Path manifest = dir.resolve("package.json");
        if (Files.exists(manifest, LinkOption.NOFOLLOW_LINKS)) {
            Optional<byte[]> json = checkout.read(manifest);
            Matcher m = json.isEmpty() ? null : PACKAGE_NAME.matcher(new String(json.get(), StandardCharsets.UTF_8));
            if (m != null && m.find()) {
                return m.group(1);
            }
        }
        return dir.getFileName().toString();
    }

}
