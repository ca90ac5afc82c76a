package com.workos.mcpdocs.library;

import com.workos.mcpdocs.corpus.ChangelogEntry;
import com.workos.mcpdocs.corpus.Corpus;
import com.workos.mcpdocs.corpus.CorpusInfo;
import com.workos.mcpdocs.corpus.ExampleGroup;
import com.workos.mcpdocs.corpus.Heading;
import com.workos.mcpdocs.corpus.Headings;
import com.workos.mcpdocs.corpus.LoadProblem;
import com.workos.mcpdocs.corpus.NavLink;
import com.workos.mcpdocs.corpus.Navigation;
import com.workos.mcpdocs.corpus.Page;
import com.workos.mcpdocs.corpus.PathAliases;
import com.workos.mcpdocs.source.ContentTree;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.parser.Parser;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns the raw files of a {@link ContentTree} into a {@link Corpus}. A file that cannot be read (bad YAML,
 * not UTF-8, malformed JSON) is logged on stderr and skipped: one bad page never stops the rest loading.
 */
public final class CorpusLoader {

    private static final Logger log = LoggerFactory.getLogger(CorpusLoader.class);
    private static final String DOCS = "docs/";
    private static final String CHANGELOGS = "changelogs/";
    private static final String EXAMPLES = "examples/";
    private static final String NAVIGATION_FILE = "_navigation.mdx";

    private final ObjectMapper json = JsonMapper.builder().build();
    private final List<LoadProblem> problems = new ArrayList<>();

    /** Loads a corpus; never throws for a bad file. */
    public static Corpus load(ContentTree tree, CorpusInfo info) {
        return new CorpusLoader().build(tree, info);
    }

    private Corpus build(ContentTree tree, CorpusInfo info) {
        tree.skipped().forEach(this::problem);
        Map<String, Page> pages = new HashMap<>();
        List<Navigation> navigation = new ArrayList<>();
        tree.under(DOCS).forEach((file, bytes) -> {
            String relative = file.substring(DOCS.length());
            if (!(relative.endsWith(".mdx") || relative.endsWith(".md"))) {
                return;
            }
            try {
                String text = utf8(bytes);
                Frontmatter fm = Frontmatter.split(text);
                if (relative.endsWith("/" + NAVIGATION_FILE) || relative.equals(NAVIGATION_FILE)) {
                    navigation.add(navigation(relative, fm.data()));
                    return;
                }
                Page page = page(relative, file, fm);
                Page previous = pages.putIfAbsent(page.path(), page);
                if (previous != null) {
                    problem(file, "duplicate of " + previous.sourceFile() + " (same path " + page.path() + ")");
                }
            } catch (RuntimeException | CharacterCodingException e) {
                problem(file, describe(e));
            }
        });
        navigation.sort(Comparator.comparing(Navigation::area));
        return new Corpus(info, pages, navigation, changelogs(tree), examples(tree), problems, aliases(tree),
                tree.contentId());
    }

    static String pathOf(String relativeFile) {
        String path = relativeFile.replaceFirst("\\.mdx?$", "");
        if (path.equals("index")) {
            return "";
        }
        return path.endsWith("/index") ? path.substring(0, path.length() - "/index".length()) : path;
    }

    private Page page(String relative, String file, Frontmatter fm) {
        String path = pathOf(relative);
        List<Heading> headings = Headings.of(fm.body());
        String title = string(fm.data().get("title"));
        if (title.isEmpty()) {
            title = headings.isEmpty() ? lastSegment(path) : headings.get(0).text();
        }
        String description = string(fm.data().get("description")).strip();
        return new Page(path, title, description, fm.data(), fm.body(), headings, file);
    }

    @SuppressWarnings("unchecked")
    private Navigation navigation(String relative, Map<String, Object> data) {
        String area = relative.contains("/") ? relative.substring(0, relative.indexOf('/')) : "";
        List<NavLink> links = new ArrayList<>();
        if (data.get("links") instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Map<?, ?> map) {
                    links.add(navLink((Map<String, Object>) map));
                }
            }
        }
        return new Navigation(area, string(data.get("title")), links);
    }

    @SuppressWarnings("unchecked")
    private NavLink navLink(Map<String, Object> map) {
        List<NavLink> children = new ArrayList<>();
        if (map.get("links") instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Map<?, ?> child) {
                    children.add(navLink((Map<String, Object>) child));
                }
            }
        }
        String url = string(map.get("url"));
        String path = url.replaceFirst("^/docs/", "").replaceFirst("^/", "").replaceFirst("[#?].*$", "");
        return new NavLink(string(map.get("title")), path, children);
    }

    private PathAliases aliases(ContentTree tree) {
        byte[] bytes = tree.files().get(PathAliases.FILE);
        if (bytes == null) {
            return PathAliases.none();
        }
        try {
            return PathAliases.fromJson(utf8(bytes));
        } catch (RuntimeException | CharacterCodingException e) {
            problem(PathAliases.FILE, describe(e));
            return PathAliases.none();
        }
    }

    private Map<String, List<ChangelogEntry>> changelogs(ContentTree tree) {
        Map<String, List<ChangelogEntry>> out = new TreeMap<>();
        tree.under(CHANGELOGS).forEach((file, bytes) -> {
            if (!file.endsWith(".json")) {
                return;
            }
            String fallbackName = file.substring(CHANGELOGS.length(), file.length() - ".json".length());
            try {
                JsonNode root = json.readTree(utf8(bytes));
                if (!root.isArray()) {
                    problem(file, "expected a JSON array of changelog entries");
                    return;
                }
                for (JsonNode node : root) {
                    if (!node.isObject()) {
                        continue;
                    }
                    String pkg = text(node, "package");
                    List<String> changes = new ArrayList<>();
                    JsonNode changeNodes = node.path("changes");
                    if (changeNodes.isArray()) {
                        changeNodes.forEach(c -> changes.add(c.asString()));
                    }
                    ChangelogEntry entry = new ChangelogEntry(pkg.isEmpty() ? fallbackName : pkg,
                            text(node, "version"), text(node, "date"), changes, text(node, "source"),
                            text(node, "url"));
                    out.computeIfAbsent(entry.packageName(), k -> new ArrayList<>()).add(entry);
                }
            } catch (RuntimeException | CharacterCodingException e) {
                problem(file, describe(e));
            }
        });
        // Newest first; entries without a date keep their order at the end.
        out.values().forEach(list -> list.sort(Comparator.comparing(
                (ChangelogEntry e) -> e.date().isEmpty() ? "" : e.date()).reversed()));
        return out;
    }

    private List<ExampleGroup> examples(ContentTree tree) {
        Map<String, Map<String, byte[]>> byGroup = new LinkedHashMap<>();
        tree.under(EXAMPLES).forEach((file, bytes) -> {
            String rest = file.substring(EXAMPLES.length());
            int slash = rest.indexOf('/');
            if (slash > 0) {
                byGroup.computeIfAbsent(rest.substring(0, slash), k -> new TreeMap<>())
                        .put(rest.substring(slash + 1), bytes);
            }
        });
        List<ExampleGroup> groups = new ArrayList<>();
        byGroup.forEach((group, files) -> {
            try {
                String declaredPath = group;
                List<String> listed = null;
                byte[] index = files.get("index.json");
                if (index != null) {
                    JsonNode node = json.readTree(utf8(index));
                    if (!text(node, "path").isEmpty()) {
                        declaredPath = text(node, "path");
                    }
                    if (node.path("files").isArray()) {
                        listed = new ArrayList<>();
                        for (JsonNode f : node.path("files")) {
                            listed.add(f.isObject() ? text(f, "path") : f.asString());
                        }
                    }
                }
                List<ExampleGroup.ExampleFile> exampleFiles = new ArrayList<>();
                for (Map.Entry<String, byte[]> entry : files.entrySet()) {
                    String name = entry.getKey();
                    if (name.equals("index.json") || (listed != null && !listed.isEmpty() && !listed.contains(name))) {
                        continue;
                    }
                    exampleFiles.add(new ExampleGroup.ExampleFile(name, languageOf(name), utf8(entry.getValue())));
                }
                groups.add(new ExampleGroup(group, declaredPath, exampleFiles));
            } catch (RuntimeException | CharacterCodingException e) {
                problem(EXAMPLES + group, describe(e));
            }
        });
        return groups;
    }

    static String languageOf(String fileName) {
        String ext = fileName.contains(".") ? fileName.substring(fileName.lastIndexOf('.') + 1) : "";
        return switch (ext) {
            case "ts", "tsx" -> "typescript";
            case "js", "jsx", "mjs", "cjs" -> "javascript";
            case "py" -> "python";
            case "rb" -> "ruby";
            case "go" -> "go";
            case "java" -> "java";
            case "php" -> "php";
            case "cs" -> "csharp";
            default -> ext;
        };
    }

    private void problem(String file, String reason) {
        log.warn("Skipping {}: {}", file, reason);
        problems.add(new LoadProblem(file, reason));
    }

    private static String describe(Exception e) {
        if (e instanceof CharacterCodingException) {
            return "not valid UTF-8";
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.lines().limit(3).reduce((a, b) -> a + " " + b.strip()).orElse(message);
    }

    static String utf8(byte[] bytes) throws CharacterCodingException {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes)).toString()
                .replace("\r\n", "\n");
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isValueNode() ? value.asString() : "";
    }

    static String string(Object value) {
        return value == null ? "" : value.toString();
    }

    private static String lastSegment(String path) {
        return path.isEmpty() ? "Documentation" : path.substring(path.lastIndexOf('/') + 1);
    }

    /** A page's YAML frontmatter (parsed) and the body after it. */
    record Frontmatter(Map<String, Object> data, String body) {

        private static final LoadSettings SETTINGS = LoadSettings.builder()
                .setAllowDuplicateKeys(true)
                .setCodePointLimit(16 * 1024 * 1024)
                .build();

        @SuppressWarnings("unchecked")
        static Frontmatter split(String text) {
            if (!text.startsWith("---\n")) {
                return new Frontmatter(Map.of(), text);
            }
            int end = text.indexOf("\n---", 3);
            while (end >= 0) {
                int after = end + 4;
                if (after == text.length() || text.charAt(after) == '\n') {
                    break;
                }
                end = text.indexOf("\n---", after);
            }
            if (end < 0) {
                throw new IllegalArgumentException("frontmatter starts with --- but never ends");
            }
            String yaml = text.substring(4, end + 1);
            String body = end + 4 >= text.length() ? "" : text.substring(end + 5);
            Object data = new DepthLimitedLoad().loadFromString(yaml);
            if (data == null) {
                return new Frontmatter(Map.of(), body);
            }
            if (!(data instanceof Map<?, ?> map)) {
                throw new IllegalArgumentException("frontmatter is not a YAML mapping");
            }
            Map<String, Object> clean = new LinkedHashMap<>();
            map.forEach((k, v) -> {
                if (k != null && v != null) {
                    clean.put(k.toString(), v);
                }
            });
            return new Frontmatter(clean, body);
        }

        /**
         * SnakeYAML builds the value of a document recursively, one call per nesting level, and has no nesting limit
         * of its own: a few kilobytes of {@code [[[[...} would exhaust the stack. Its parser is not recursive, so
         * the events are counted on their way to the composer and a document nested deeper than
         * {@value #MAX_NESTING} levels is refused before anything recursive sees it (the docs' reference
         * frontmatter nests 12).
         */
        static final int MAX_NESTING = 64;

        private static final class DepthLimitedLoad extends Load {
            DepthLimitedLoad() {
                super(SETTINGS);
            }

            @Override
            protected Composer createComposer(String yaml) {
                return new Composer(SETTINGS, new DepthLimit(new ParserImpl(SETTINGS, new StreamReader(SETTINGS,
                        yaml))));
            }
        }

        private static final class DepthLimit implements Parser {
            private final Parser parser;
            private int depth;

            DepthLimit(Parser parser) {
                this.parser = parser;
            }

            @Override
            public boolean checkEvent(Event.ID id) {
                return parser.checkEvent(id);
            }

            @Override
            public Event peekEvent() {
                return parser.peekEvent();
            }

            @Override
            public boolean hasNext() {
                return parser.hasNext();
            }

            @Override
            public Event next() {
                Event event = parser.next();
                switch (event.getEventId()) {
                    case SequenceStart, MappingStart -> {
                        if (++depth > MAX_NESTING) {
                            throw new IllegalArgumentException("frontmatter nests deeper than " + MAX_NESTING
                                    + " levels");
                        }
                    }
                    case SequenceEnd, MappingEnd -> depth--;
                    default -> { }
                }
                return event;
            }
        }
    }
}
