package com.workos.mcpdocs.render;

import com.workos.mcpdocs.corpus.ApiEntry;
import com.workos.mcpdocs.corpus.ApiParameter;
import com.workos.mcpdocs.corpus.Page;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders API reference entries of one language as Markdown: the signature (HTTP method and path, or the SDK call),
 * a parameter table with nested properties as dotted names, and what the call returns. Object entries render their
 * properties the same way. Placeholders are resolved through the corpus-wide {@link ReferenceCatalog}.
 */
public final class ReferenceRenderer {

    private static final String TABLE_HEAD = "| %s | Type | Required | Description |\n|---|---|---|---|\n";

    private final ReferenceCatalog catalog;

    public ReferenceRenderer(ReferenceCatalog catalog) {
        this.catalog = catalog;
    }

    /** One entry: signature, parameters or properties, returns. */
    public String entry(ApiEntry entry) {
        StringBuilder out = new StringBuilder();
        out.append(signature(entry)).append("\n\n");
        if (!entry.description().isEmpty()) {
            out.append(text(entry.description())).append("\n\n");
        }
        List<Row> rows = new ArrayList<>();
        collect(entry.language(), "", entry.parameters(), rows);
        collect(entry.language(), "", entry.properties(), rows);
        if (!rows.isEmpty()) {
            table(entry.isObject() ? "Property" : "Parameter", rows, out);
            out.append('\n');
        }
        if (!entry.returns().isEmpty()) {
            out.append(returns(entry)).append('\n');
        }
        return out.toString().strip();
    }

    /** Shared-parameter entries (pagination's {@code limit}, Go's {@code ctx}) as one table. */
    public String sharedParameters(List<ApiEntry> entries) {
        List<Row> rows = new ArrayList<>();
        for (ApiEntry entry : entries) {
            rows.add(row(entry.key(), entry.asParameter()));
        }
        StringBuilder out = new StringBuilder("**Shared parameters**\n\n");
        table("Parameter", rows, out);
        return out.toString().strip();
    }

    /** The call, endpoint or object name as one bold code line, with the language of an SDK entry. */
    public static String signature(ApiEntry entry) {
        if (entry.isEndpoint()) {
            return "**`" + entry.httpMethod() + " " + entry.title() + "`**";
        }
        String title = entry.title().isEmpty() ? entry.key() : entry.title();
        if (entry.isObject() && entry.language().equals(Languages.HTTP)) {
            return "Object: **`" + title + "`**";
        }
        String kind = entry.isObject() ? " object" : "";
        return Languages.label(entry.language()) + kind + ": **`" + title + "`**";
    }

    private record Row(String name, String type, boolean optional, String description) {
    }

    private void collect(String language, String prefix, List<ApiParameter> parameters, List<Row> rows) {
        for (ApiParameter parameter : parameters) {
            if (parameter.key().isEmpty()) {
                ReferenceCatalog.BareReference bare = catalog.bare(language, parameter.description());
                if (bare.parameter().isPresent()) {
                    ApiParameter resolved = bare.parameter().get();
                    Row row = row(prefix + resolved.key(), resolved);
                    if (bare.shared()) {
                        // defined once for many calls (pagination): its first paragraph, the rest is on its page
                        row = new Row(row.name(), row.type(), row.optional(), firstParagraph(resolved.description()));
                    }
                    rows.add(row);
                    collect(language, prefix + resolved.key() + ".", resolved.properties(), rows);
                } else if (bare.entry().isPresent()) {
                    ApiEntry named = bare.entry().get();
                    rows.add(new Row(prefix + named.key(), named.key(), false, "See " + objectLink(named) + "."));
                }
                continue;
            }
            rows.add(row(prefix + parameter.key(), parameter));
            collect(language, prefix + parameter.key() + ".", parameter.properties(), rows);
        }
    }

    private Row row(String name, ApiParameter parameter) {
        return new Row(name, parameter.type(), parameter.optional(), text(parameter.description()));
    }

    private static void table(String firstColumn, List<Row> rows, StringBuilder out) {
        out.append(String.format(TABLE_HEAD, firstColumn));
        for (Row row : rows) {
            out.append("| `").append(cell(row.name())).append("` | ")
                    .append(row.type().isEmpty() ? "" : "`" + cell(row.type()) + "`").append(" | ")
                    .append(row.optional() ? "no" : "yes").append(" | ")
                    .append(cell(row.description())).append(" |\n");
        }
    }

    /**
     * What a call returns: objects by link, plain values inline, and a returned structure (often an unnamed
     * wrapper with {@code data} and {@code list_metadata}) as a table of its fields.
     */
    private String returns(ApiEntry entry) {
        List<String> items = new ArrayList<>();
        List<Row> fields = new ArrayList<>();
        for (ApiParameter value : entry.returns()) {
            if (value.key().isEmpty()) {
                ReferenceCatalog.BareReference bare = catalog.bare(entry.language(), value.description());
                if (bare.entry().isPresent()) {
                    items.add(objectLink(bare.entry().get()));
                } else {
                    ApiParameter p = bare.parameter().orElseThrow();
                    items.add(named(p.key(), p.type(), text(p.description())));
                }
            } else if (value.properties().isEmpty()) {
                items.add(named(value.key(), value.type(), text(value.description())));
            } else if (value.unwrap() || value.key().equals("anonymous")) {
                collect(entry.language(), "", value.properties(), fields);
            } else {
                fields.add(row(value.key(), value));
                collect(entry.language(), value.key() + ".", value.properties(), fields);
            }
        }
        StringBuilder out = new StringBuilder();
        if (items.size() == 1) {
            out.append("Returns: ").append(items.get(0)).append('\n');
        } else if (!items.isEmpty()) {
            out.append("Returns:\n").append(String.join("\n", items.stream().map(i -> "- " + i).toList())).append('\n');
        }
        if (!fields.isEmpty()) {
            out.append(items.isEmpty() ? "Returns:\n\n" : "\n");
            table("Field", fields, out);
        }
        return out.toString();
    }

    private static String named(String key, String type, String description) {
        return "`" + key + "`" + (type.isEmpty() ? "" : " (`" + oneLine(type) + "`)")
                + (description.isEmpty() ? "" : ": " + oneLine(description));
    }

    private static String objectLink(ApiEntry object) {
        String url = object.url().isEmpty() ? Page.DOCS_BASE_URL + object.pagePath() : Links.absolute(object.url(), "");
        return "[`" + object.key() + "`](" + url + ")" + (object.isObject() ? " object" : "");
    }

    private String firstParagraph(String description) {
        String text = catalog.describe(description).strip();
        int end = text.indexOf('\n'); // folded YAML: one line per paragraph
        return text(end < 0 ? text : text.substring(0, end));
    }

    /** A description with placeholders resolved and links made absolute. */
    private String text(String description) {
        return Links.absolutize(catalog.describe(description), Page.DOCS_BASE_URL).strip();
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s*\n\\s*", " ").strip();
    }

    /** Table cells are one line, and a pipe would end the cell. */
    private static String cell(String text) {
        return oneLine(text).replace("|", "\\|");
    }
}
