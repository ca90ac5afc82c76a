package com.workos.mcpdocs.corpus;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads the structured API reference out of a page's frontmatter: {@code reference:} (entries per language) and
 * {@code descriptions:} (the texts that {@code (namespace.key)} placeholders point at). Defensive: anything of an
 * unexpected shape is skipped, never thrown.
 */
public final class ApiReference {

    private static final Set<String> HTTP_METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS");

    private ApiReference() {
    }

    /** The entries of a page, grouped in frontmatter order (language by language). */
    public static List<ApiEntry> entries(Page page) {
        List<ApiEntry> out = new ArrayList<>();
        if (!(page.frontmatter().get("reference") instanceof Map<?, ?> reference)) {
            return out;
        }
        reference.forEach((language, entries) -> {
            if (entries instanceof List<?> list) {
                for (Object item : list) {
                    if (item instanceof Map<?, ?> map) {
                        out.add(entry(page.path(), String.valueOf(language), map));
                    }
                }
            }
        });
        return out;
    }

    /**
     * The page's {@code descriptions:} flattened to {@code namespace.key -> text}, at any depth:
     * {@code create_event: {actor: {type: ...}}} gives {@code create_event.actor.type}, and a text directly under
     * the top level ({@code limit: ...}) gives {@code limit}.
     */
    public static Map<String, String> descriptions(Page page) {
        Map<String, String> out = new LinkedHashMap<>();
        flatten("", page.frontmatter().get("descriptions"), out);
        return out;
    }

    private static void flatten(String prefix, Object value, Map<String, String> out) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> {
                if (k != null) {
                    flatten(prefix.isEmpty() ? k.toString() : prefix + "." + k, v, out);
                }
            });
        } else if (value != null && !prefix.isEmpty()) {
            out.put(prefix, value.toString().strip());
        }
    }

    private static ApiEntry entry(String pagePath, String language, Map<?, ?> map) {
        // "type" is the HTTP method on an endpoint, the declared type on a shared-parameter entry
        String type = str(map.get("type")).strip();
        String method = HTTP_METHODS.contains(type.toUpperCase(Locale.ROOT)) ? type.toUpperCase(Locale.ROOT) : "";
        return new ApiEntry(pagePath, language, str(map.get("key")), str(map.get("id")), str(map.get("url")),
                str(map.get("title")), method,
                parameters(map.get("parameters")), parameters(map.get("returns")), parameters(map.get("properties")),
                method.isEmpty() ? type : "", str(map.get("description")).strip(),
                Boolean.TRUE.equals(map.get("optional")));
    }

    static List<ApiParameter> parameters(Object value) {
        List<ApiParameter> out = new ArrayList<>();
        if (!(value instanceof List<?> list)) {
            return out;
        }
        for (Object item : list) {
            if (item instanceof Map<?, ?> map) {
                out.add(new ApiParameter(str(map.get("key")), str(map.get("type")),
                        Boolean.TRUE.equals(map.get("optional")), str(map.get("description")).strip(),
                        Boolean.TRUE.equals(map.get("unwrap")), parameters(map.get("properties"))));
            } else if (item != null) {
                out.add(new ApiParameter("", "", false, item.toString().strip(), false, List.of()));
            }
        }
        return out;
    }

    private static String str(Object value) {
        return value == null ? "" : value.toString();
    }
}
