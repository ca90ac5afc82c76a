package com.workos.mcpdocs.render;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The languages of the API reference, and the other names people use for them. */
public final class Languages {

    /** The HTTP form of the reference, shown when no SDK language is asked for. */
    public static final String HTTP = "curl";

    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("http", HTTP), Map.entry("rest", HTTP), Map.entry("api", HTTP), Map.entry("bash", HTTP),
            Map.entry("shell", HTTP), Map.entry("node", "js"), Map.entry("nodejs", "js"), Map.entry("node.js", "js"),
            Map.entry("javascript", "js"), Map.entry("typescript", "js"), Map.entry("ts", "js"),
            Map.entry("py", "python"), Map.entry("rb", "ruby"), Map.entry("golang", "go"),
            Map.entry("csharp", "dotnet"), Map.entry("c#", "dotnet"), Map.entry(".net", "dotnet"),
            Map.entry("net", "dotnet"), Map.entry("kotlin", "java"));
    private static final Map<String, String> LABELS = Map.of(HTTP, "HTTP", "js", "Node.js", "python", "Python",
            "ruby", "Ruby", "go", "Go", "php", "PHP", "java", "Java", "dotnet", ".NET", "json", "JSON");

    private Languages() {
    }

    /** The reference's own name for what was asked ({@code Node} → {@code js}); as given, lower-cased, otherwise. */
    public static String canonical(String language) {
        String key = language.strip().toLowerCase(Locale.ROOT);
        return ALIASES.getOrDefault(key, key);
    }

    /** How a language is shown to a reader. */
    public static String label(String language) {
        return Optional.ofNullable(LABELS.get(language)).orElse(language);
    }
}
