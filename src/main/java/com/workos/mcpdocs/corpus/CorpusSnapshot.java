package com.workos.mcpdocs.corpus;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * A loaded corpus written in a compact binary form, so that a server starts without parsing hundreds of YAML
 * frontmatter blocks again: the build writes one next to the embedded content, a sync next to its own. Frontmatter
 * is kept as JSON and parsed only when a page's frontmatter is first read.
 */
public final class CorpusSnapshot {

    private static final String MAGIC = "workos-docs-snapshot/2";
    /** Created on first use (writing a snapshot): setting up Jackson costs a noticeable part of start-up. */
    private static final class Json {
        static final ObjectMapper MAPPER = JsonMapper.builder().build();
    }

    private CorpusSnapshot() {
    }

    public static void write(Corpus corpus, OutputStream target) throws IOException {
        DataOutputStream out = new DataOutputStream(new java.io.BufferedOutputStream(target, 1 << 16));
        text(out, MAGIC);
        text(out, corpus.contentId());
        text(out, corpus.info().origin());
        text(out, corpus.info().version());
        text(out, corpus.info().date());
        out.writeInt(corpus.pages().size());
        for (Page page : corpus.pages()) {
            text(out, page.path());
            text(out, page.title());
            text(out, page.description());
            text(out, page.sourceFile());
            text(out, page.body());
            bytes(out, page.frontmatter() instanceof LazyFrontmatter lazy ? lazy.source()
                    : page.frontmatter().isEmpty() ? new byte[0] : Json.MAPPER.writeValueAsBytes(page.frontmatter()));
            out.writeInt(page.headings().size());
            for (Heading h : page.headings()) {
                out.writeByte(h.level());
                text(out, h.text());
                text(out, h.anchor());
                out.writeInt(h.line());
            }
        }
        out.writeInt(corpus.navigation().size());
        for (Navigation nav : corpus.navigation()) {
            text(out, nav.area());
            text(out, nav.title());
            links(out, nav.links());
        }
        out.writeInt(corpus.changelogs().size());
        for (Map.Entry<String, List<ChangelogEntry>> log : corpus.changelogs().entrySet()) {
            text(out, log.getKey());
            out.writeInt(log.getValue().size());
            for (ChangelogEntry e : log.getValue()) {
                text(out, e.packageName());
                text(out, e.version());
                text(out, e.date());
                strings(out, e.changes());
                text(out, e.source());
                text(out, e.url());
            }
        }
        out.writeInt(corpus.examples().size());
        for (ExampleGroup group : corpus.examples()) {
            text(out, group.name());
            text(out, group.path());
            out.writeInt(group.files().size());
            for (ExampleGroup.ExampleFile file : group.files()) {
                text(out, file.path());
                text(out, file.language());
                text(out, file.content());
            }
        }
        out.writeInt(corpus.problems().size());
        for (LoadProblem p : corpus.problems()) {
            text(out, p.file());
            text(out, p.reason());
        }
        PathAliases aliases = corpus.aliases();
        strings(out, aliases.from());
        out.writeInt(aliases.moved().size());
        for (Map.Entry<String, String> move : aliases.moved().entrySet()) {
            text(out, move.getKey());
            text(out, move.getValue());
        }
        strings(out, List.copyOf(aliases.removed()));
        out.flush();
    }

    /**
     * Reads a snapshot.
     *
     * @throws IOException when the data is not a snapshot of this format
     */
    public static Corpus read(InputStream source) throws IOException {
        DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(source, 1 << 16));
        if (!MAGIC.equals(text(in))) {
            throw new IOException("not a corpus snapshot of format " + MAGIC);
        }
        String contentId = text(in);
        CorpusInfo info = new CorpusInfo(text(in), text(in), text(in));
        int pageCount = in.readInt();
        Map<String, Page> pages = new LinkedHashMap<>();
        for (int i = 0; i < pageCount; i++) {
            String path = text(in);
            String title = text(in);
            String description = text(in);
            String sourceFile = text(in);
            // Most bodies are not read at all by a short session: they are decoded when first asked for.
            byte[] body = bytes(in);
            byte[] frontmatter = bytes(in);
            int headingCount = in.readInt();
            List<Heading> headings = new ArrayList<>(headingCount);
            for (int h = 0; h < headingCount; h++) {
                headings.add(new Heading(in.readByte(), text(in), text(in), in.readInt()));
            }
            Map<String, Object> data = frontmatter.length == 0 ? Map.of()
                    : new LazyFrontmatter(frontmatter, CorpusSnapshot::parseJson);
            pages.put(path, Page.withEncodedBody(path, title, description, data, body, headings, sourceFile));
        }
        int navCount = in.readInt();
        List<Navigation> navigation = new ArrayList<>(navCount);
        for (int i = 0; i < navCount; i++) {
            navigation.add(new Navigation(text(in), text(in), links(in)));
        }
        int logCount = in.readInt();
        Map<String, List<ChangelogEntry>> changelogs = new LinkedHashMap<>();
        for (int i = 0; i < logCount; i++) {
            String name = text(in);
            int n = in.readInt();
            List<ChangelogEntry> entries = new ArrayList<>(n);
            for (int e = 0; e < n; e++) {
                entries.add(new ChangelogEntry(text(in), text(in), text(in), strings(in), text(in), text(in)));
            }
            changelogs.put(name, entries);
        }
        int groupCount = in.readInt();
        List<ExampleGroup> examples = new ArrayList<>(groupCount);
        for (int i = 0; i < groupCount; i++) {
            String name = text(in);
            String path = text(in);
            int n = in.readInt();
            List<ExampleGroup.ExampleFile> files = new ArrayList<>(n);
            for (int f = 0; f < n; f++) {
                files.add(new ExampleGroup.ExampleFile(text(in), text(in), text(in)));
            }
            examples.add(new ExampleGroup(name, path, files));
        }
        int problemCount = in.readInt();
        List<LoadProblem> problems = new ArrayList<>(problemCount);
        for (int i = 0; i < problemCount; i++) {
            problems.add(new LoadProblem(text(in), text(in)));
        }
        List<String> from = strings(in);
        int movedCount = in.readInt();
        Map<String, String> moved = new java.util.TreeMap<>();
        for (int i = 0; i < movedCount; i++) {
            moved.put(text(in), text(in));
        }
        PathAliases aliases = new PathAliases(new java.util.TreeMap<>(moved), new java.util.TreeSet<>(strings(in)), from);
        return new Corpus(info, pages, navigation, changelogs, examples, problems, aliases, contentId);
    }

    private static Map<String, Object> parseJson(byte[] json) {
        return JsonValues.object(json);
    }

    private static void links(DataOutputStream out, List<NavLink> links) throws IOException {
        out.writeInt(links.size());
        for (NavLink link : links) {
            text(out, link.title());
            text(out, link.path());
            links(out, link.children());
        }
    }

    private static List<NavLink> links(DataInputStream in) throws IOException {
        int n = in.readInt();
        List<NavLink> links = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            links.add(new NavLink(text(in), text(in), links(in)));
        }
        return links;
    }

    private static void strings(DataOutputStream out, List<String> values) throws IOException {
        out.writeInt(values.size());
        for (String v : values) {
            text(out, v);
        }
    }

    private static List<String> strings(DataInputStream in) throws IOException {
        int n = in.readInt();
        List<String> values = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            values.add(text(in));
        }
        return values;
    }

    private static void text(DataOutputStream out, String value) throws IOException {
        bytes(out, value.getBytes(StandardCharsets.UTF_8));
    }

    private static void bytes(DataOutputStream out, byte[] bytes) throws IOException {
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String text(DataInputStream in) throws IOException {
        return new String(bytes(in), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > 64 * 1024 * 1024) {
            throw new IOException("corrupt corpus snapshot");
        }
        byte[] bytes = in.readNBytes(length);
        if (bytes.length != length) {
            throw new IOException("corrupt corpus snapshot (it ends too early)");
        }
        return bytes;
    }
}
