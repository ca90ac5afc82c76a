package com.workos.mcpdocs.corpus;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the structured API reference out of a page's frontmatter: {@code reference:} (entries per language) and
 * {@code descriptions:} (the texts that {@code (namespace.key)} placeholders point at). Defensive: anything of an
 * unexpected shape is skipped, never thrown.
 */
public final class ApiReference {

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
     * The page's {@code descriptions:} flattened to {@code namespace.key -> text}.
     */
    public static Map<String, String> descriptions(Page page) {
        Map<String, String> out = new LinkedHashMap<>();
        if (page.frontmatter().get("descriptions") instanceof Map<?, ?> namespaces) {
            namespaces.forEach((ns, keys) -> {
                if (keys instanceof Map<?, ?> map) {
                    map.forEach((k, text) -> {
                        if (k != null && text != null) {
                            out.put(ns + "." + k, text.toString().strip());
                        }
                    });
                }
            });
        }
        return out;
    }

    private static ApiEntry entry(String pagePath, String language, Map<?, ?> map) {
        return new ApiEntry(pagePath, language, str(map.get("key")), str(map.get("id")), str(map.get("url")),
                str(map.get("title")), str(map.get("type")).toUpperCase(java.util.Locale.ROOT),
                parameters(map.get("parameters")), parameters(map.get("returns")), parameters(map.get("properties")));
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
