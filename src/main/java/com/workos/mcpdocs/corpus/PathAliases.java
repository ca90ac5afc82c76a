package com.workos.mcpdocs.corpus;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Paths that existed in an earlier version of the docs: the ones that moved (old path to current path) and the ones
 * that were removed. Lets an assistant that learned an old path still get an answer. Stored as {@code aliases.json}
 * at the root of a corpus in the {@code .docs/organized} layout.
 *
 * @param moved   old path to the current path of the same page
 * @param removed old paths with no current page
 * @param from    the versions the table was built from (e.g. {@code 0.1.0}), for humans
 */
public record PathAliases(SortedMap<String, String> moved, SortedSet<String> removed, List<String> from) {

    /** The file name inside a corpus folder. */
    public static final String FILE = "aliases.json";

    /** Created on first use: a corpus loaded from a snapshot needs no JSON, and Jackson is slow to set up. */
    private static final class Json {
        static final ObjectMapper MAPPER = JsonMapper.builder().build();
    }

    public PathAliases {
        moved = Collections.unmodifiableSortedMap(new TreeMap<>(moved));
        removed = Collections.unmodifiableSortedSet(new TreeSet<>(removed));
        from = List.copyOf(from);
    }

    public static PathAliases none() {
        return new PathAliases(new TreeMap<>(), new TreeSet<>(), List.of());
    }

    public boolean isEmpty() {
        return moved.isEmpty() && removed.isEmpty();
    }

    /** The current path of a page that moved, if {@code path} is an old path. */
    public Optional<String> movedTo(String path) {
        return Optional.ofNullable(moved.get(path));
    }

    public boolean wasRemoved(String path) {
        return removed.contains(path);
    }

    /** JSON form: {@code {"from": [...], "moved": {old: new}, "removed": [...]}}. */
    public byte[] toJson() {
        ObjectNode root = Json.MAPPER.createObjectNode();
        from.forEach(root.putArray("from")::add);
        ObjectNode movedNode = root.putObject("moved");
        moved.forEach(movedNode::put);
        removed.forEach(root.putArray("removed")::add);
        return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Reads the JSON form.
     *
     * @throws IllegalArgumentException when it is not an alias table
     */
    public static PathAliases fromJson(String text) {
        JsonNode root = Json.MAPPER.readTree(text);
        if (!root.isObject()) {
            throw new IllegalArgumentException("expected a JSON object with 'moved' and 'removed'");
        }
        Map<String, String> moved = new TreeMap<>();
        root.path("moved").properties().forEach(e -> moved.put(e.getKey(), e.getValue().asString()));
        SortedSet<String> removed = new TreeSet<>();
        root.path("removed").forEach(n -> removed.add(n.asString()));
        List<String> from = new ArrayList<>();
        root.path("from").forEach(n -> from.add(n.asString()));
        return new PathAliases(new TreeMap<>(moved), removed, from);
    }
}
