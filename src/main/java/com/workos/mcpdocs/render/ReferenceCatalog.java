package com.workos.mcpdocs.render;

import com.workos.mcpdocs.corpus.ApiEntry;
import com.workos.mcpdocs.corpus.ApiParameter;
import com.workos.mcpdocs.corpus.ApiReference;
import com.workos.mcpdocs.corpus.Corpus;
import com.workos.mcpdocs.corpus.Page;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Everything the reference frontmatter of all pages defines, gathered once per corpus, so that a placeholder
 * defined on one page resolves on another: {@code descriptions:} texts behind {@code (user.email)} placeholders, and
 * entries by language and key behind bare references such as {@code (after)}, {@code (ctx)} or
 * {@code (OrganizationMembership.id)}.
 */
public final class ReferenceCatalog {

    /** A whole-text placeholder: {@code (user.email)}, {@code (limit)}, {@code (order.lowercase)}. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\(([A-Za-z_][\\w-]*(?:\\.[\\w-]+)*)\\)");
    /** Variant leaves under a description that a bare parent placeholder means (the first present wins). */
    private static final List<String> DEFAULT_VARIANTS = List.of("self", "lowercase", "description");

    private final Map<String, String> descriptions;
    private final Map<String, Map<String, List<String>>> descriptionChildren;
    private final Map<String, Map<String, ApiEntry>> entriesByLanguage;
    private final Map<String, List<ApiEntry>> entriesByPage;

    private ReferenceCatalog(Map<String, String> descriptions, Map<String, Map<String, ApiEntry>> entriesByLanguage,
                             Map<String, List<ApiEntry>> entriesByPage) {
        this.descriptions = descriptions;
        this.entriesByLanguage = entriesByLanguage;
        this.entriesByPage = entriesByPage;
        Map<String, Map<String, List<String>>> children = new HashMap<>();
        descriptions.keySet().forEach(key -> {
            int dot = key.lastIndexOf('.');
            if (dot > 0) {
                children.computeIfAbsent(key.substring(0, dot), k -> new LinkedHashMap<>())
                        .computeIfAbsent(key.substring(dot + 1), k -> new ArrayList<>()).add(key);
            }
        });
        this.descriptionChildren = children;
    }

    /** Reads the reference frontmatter of every page of {@code corpus}. */
    public static ReferenceCatalog of(Corpus corpus) {
        Map<String, String> descriptions = new HashMap<>();
        Map<String, Map<String, ApiEntry>> byLanguage = new HashMap<>();
        Map<String, List<ApiEntry>> byPage = new HashMap<>();
        for (Page page : corpus.pages()) {
            ApiReference.descriptions(page).forEach(descriptions::putIfAbsent);
            List<ApiEntry> entries = ApiReference.entries(page);
            if (!entries.isEmpty()) {
                byPage.put(page.path(), entries);
            }
            for (ApiEntry entry : entries) {
                if (!entry.key().isEmpty()) {
                    byLanguage.computeIfAbsent(entry.language(), l -> new HashMap<>()).putIfAbsent(entry.key(), entry);
                }
            }
        }
        return new ReferenceCatalog(descriptions, byLanguage, byPage);
    }

    /** The entries of a page, in frontmatter order (empty for a page without reference). */
    public List<ApiEntry> entries(String pagePath) {
        return entriesByPage.getOrDefault(pagePath, List.of());
    }

    /** Every page with reference entries, by path. */
    public Map<String, List<ApiEntry>> entriesByPage() {
        return Collections.unmodifiableMap(new TreeMap<>(entriesByPage));
    }

    /** The languages of a page's reference, in frontmatter order. */
    public List<String> languages(String pagePath) {
        return entries(pagePath).stream().map(ApiEntry::language).distinct().toList();
    }

    /**
     * A description with its placeholders resolved: {@code (user.email)} becomes the text defined for it anywhere in
     * the corpus. A placeholder defined nowhere becomes its name in code ({@code `user.email`}), never the raw
     * {@code (user.email)} form. Text that is not a placeholder is returned as is.
     */
    public String describe(String description) {
        if (description.indexOf('(') < 0) {
            return description;
        }
        Matcher m = PLACEHOLDER.matcher(description);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String key = m.group(1);
            Optional<String> text = description(key);
            boolean wholeText = m.start() == 0 && m.end() == description.length();
            String replacement;
            if (text.isPresent()) {
                replacement = text.get();
            } else if (wholeText || key.contains(".")) {
                replacement = "`" + key + "`";
            } else {
                replacement = m.group(); // ordinary prose in parentheses, such as "(optional)"
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The text defined for {@code key}; a key that only has variants beneath it means its default variant. */
    public Optional<String> description(String key) {
        String text = descriptions.get(key);
        if (text != null) {
            return Optional.of(text);
        }
        Map<String, List<String>> variants = descriptionChildren.get(key);
        if (variants == null) {
            return Optional.empty();
        }
        for (String variant : DEFAULT_VARIANTS) {
            if (variants.containsKey(variant)) {
                return Optional.ofNullable(descriptions.get(key + "." + variant));
            }
        }
        List<String> leaves = variants.values().iterator().next();
        return Optional.ofNullable(descriptions.get(leaves.get(0)));
    }

    /**
     * What a bare reference such as {@code (after)}, {@code (ctx)} or {@code (OrganizationMembership.id)} in a
     * parameter list of {@code language} stands for.
     */
    public BareReference bare(String language, String reference) {
        String name = reference.strip();
        if (name.startsWith("(") && name.endsWith(")")) {
            name = name.substring(1, name.length() - 1);
        }
        Optional<ApiEntry> whole = entry(language, name);
        if (whole.isPresent()) {
            ApiEntry entry = whole.get();
            if (entry.isObject() || !entry.isSharedParameter()) {
                return new BareReference(name, Optional.empty(), whole, false);
            }
            return new BareReference(name, Optional.of(entry.asParameter()), Optional.empty(), true);
        }
        int dot = name.indexOf('.');
        if (dot > 0) {
            String owner = name.substring(0, dot);
            String property = name.substring(dot + 1);
            Optional<ApiParameter> found = entry(language, owner).flatMap(e -> property(e.properties(), property));
            if (found.isPresent()) {
                return new BareReference(name, found, Optional.empty(), false);
            }
            String shown = property.substring(property.lastIndexOf('.') + 1);
            return new BareReference(name, Optional.of(new ApiParameter(shown, "", false,
                    description(name).orElse(description(name.toLowerCase(Locale.ROOT)).orElse("")), false,
                    List.of())), Optional.empty(), false);
        }
        return new BareReference(name, Optional.of(new ApiParameter(name, "", false,
                description(name).orElse(""), false, List.of())), Optional.empty(), false);
    }

    /**
     * A bare reference resolved: to a parameter row, or to an object or call entry it names.
     *
     * @param name      the reference without its parentheses
     * @param parameter the parameter it stands for, when it stands for one
     * @param entry     the object or call it names, when it names one
     * @param shared    whether it is a parameter defined once for many calls (pagination's {@code limit})
     */
    public record BareReference(String name, Optional<ApiParameter> parameter, Optional<ApiEntry> entry,
                                boolean shared) {
    }

    private Optional<ApiEntry> entry(String language, String key) {
        Map<String, ApiEntry> entries = entriesByLanguage.getOrDefault(language, Map.of());
        ApiEntry exact = entries.get(key);
        if (exact != null) {
            return Optional.of(exact);
        }
        String loose = loose(key);
        return entries.values().stream().filter(e -> loose(e.key()).equals(loose)).findFirst();
    }

    private static Optional<ApiParameter> property(List<ApiParameter> properties, String name) {
        String loose = loose(name);
        return properties.stream().filter(p -> p.key().equals(name)).findFirst()
                .or(() -> properties.stream().filter(p -> loose(p.key()).equals(loose)).findFirst());
    }

    /** Case and separators ignored: {@code organization_membership}, {@code OrganizationMembership}. */
    static String loose(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }
}
