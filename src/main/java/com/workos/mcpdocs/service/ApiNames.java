package com.workos.mcpdocs.service;

import com.workos.mcpdocs.corpus.ApiEntry;
import com.workos.mcpdocs.render.Languages;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Every name an API entry is known by, built once per corpus: SDK method names in each language
 * ({@code createUser}, {@code create_user}), SDK calls ({@code userManagement.createUser()},
 * {@code user_management.create_user}), endpoints ({@code POST /user_management/users} and the bare path), object
 * names ({@code organization_membership}, {@code OrganizationMembership}) and the language-independent ids.
 * Case, separators and call syntax do not matter.
 */
final class ApiNames {

    private static final Pattern HTTP_PREFIX = Pattern.compile("^(?i)(GET|POST|PUT|PATCH|DELETE)\\s+");
    private static final Pattern PATH_PARAMETER = Pattern.compile("(:[A-Za-z_]\\w*|\\{[^}/]*}|<[^>/]*>)");

    /** One operation or object: the entries of one id on one page, in every language. */
    record Target(String pagePath, String id) {
    }

    /**
     * One name of a target: the language it is written in (a language-independent id and an endpoint count as
     * HTTP's) and its spelling as the reference writes it.
     */
    record Match(Target target, String language, String spelling) {

        /**
         * Whether {@code written} is this name spelled exactly as the reference spells it (case and separators
         * included), whole or as its last part: {@code createUser} or {@code userManagement.createUser()} for
         * {@code userManagement.createUser()}. Call parentheses do not count.
         */
        boolean spelledAs(String written) {
            String given = withoutCall(written);
            String own = withoutCall(spelling);
            return given.equals(own) || given.equals(lastPart(own)) || lastPart(given).equals(lastPart(own));
        }

        private static String withoutCall(String name) {
            return name.strip().replaceFirst("\\(.*\\)\\s*;?$", "").strip();
        }

        private static String lastPart(String name) {
            String n = name.replace("->", ".").replace("::", ".");
            return n.substring(n.lastIndexOf('.') + 1);
        }
    }

    private final Map<String, List<Match>> exact = new HashMap<>();
    private final Map<String, List<Match>> lastSegment = new HashMap<>();
    /** One shown name per spelling-independent form (createUser, CreateUser and create_user are one). */
    private final Map<String, String> shownNames = new TreeMap<>();

    ApiNames(Map<String, List<ApiEntry>> entriesByPage) {
        entriesByPage.forEach((page, entries) -> {
            for (ApiEntry entry : entries) {
                if (entry.isSharedParameter() || (entry.id().isEmpty() && entry.key().isEmpty())) {
                    continue; // pagination's limit or Go's ctx are parameters, not things to look up
                }
                Target target = new Target(page, entry.id().isEmpty() ? entry.key() : entry.id());
                for (String name : names(entry)) {
                    boolean http = entry.language().equals(Languages.HTTP) || name.equals(entry.id());
                    add(name, new Match(target, http ? Languages.HTTP : entry.language(), name));
                }
            }
        });
    }

    private static List<String> names(ApiEntry entry) {
        List<String> names = new ArrayList<>();
        names.add(entry.key());
        names.add(entry.id());
        if (entry.isEndpoint()) {
            names.add(entry.httpMethod() + " " + entry.title());
            names.add(entry.title());
        } else {
            names.add(entry.title());
        }
        return names.stream().filter(n -> !n.isBlank()).distinct().toList();
    }

    private void add(String name, Match match) {
        String key = normalize(name);
        if (key.isEmpty()) {
            return;
        }
        addUnique(exact.computeIfAbsent(key, k -> new ArrayList<>()), match);
        String last = last(key);
        if (!last.equals(key)) {
            addUnique(lastSegment.computeIfAbsent(last, k -> new ArrayList<>()), match);
        }
        String shown = shown(name);
        String form = shown.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9/ ]", "");
        String previous = shownNames.get(form);
        if (previous == null || (shown.contains("_") && !previous.contains("_"))) {
            shownNames.put(form, shown); // snake_case reads best in a list of suggestions
        }
    }

    private static void addUnique(List<Match> matches, Match match) {
        if (!matches.contains(match)) {
            matches.add(match);
        }
    }

    /**
     * The targets {@code name} names, each with its names that matched; exact names first, then names that match
     * the last part of a call ({@code createUser} for {@code userManagement.createUser()}).
     */
    Map<Target, List<Match>> find(String name) {
        String key = normalize(name);
        List<Match> found = exact.getOrDefault(key, List.of());
        if (found.isEmpty() && !key.startsWith("/")) {
            found = lastSegment.getOrDefault(key, List.of());
            if (found.isEmpty()) {
                found = exact.getOrDefault(last(key), List.of());
            }
        }
        Map<Target, List<Match>> out = new LinkedHashMap<>();
        for (Match match : found) {
            out.computeIfAbsent(match.target(), t -> new ArrayList<>()).add(match);
        }
        return out;
    }

    /** Whether {@code name} is written as an endpoint ({@code POST /users} or {@code /users}). */
    static boolean isEndpoint(String name) {
        String key = normalize(name);
        return key.startsWith("/") || key.contains(" /");
    }

    /** Names as a reader would write them, for suggestions. */
    Collection<String> shownNames() {
        return shownNames.values();
    }

    /**
     * The lookup form of a name: an endpoint as {@code METHOD /path} or {@code /path} with path parameters as
     * {@code :}, anything else as dotted lower-case words without separators or call syntax.
     */
    static String normalize(String name) {
        String n = name.strip().replaceFirst("^(?i)https?://api\\.workos\\.com", "");
        String method = "";
        var http = HTTP_PREFIX.matcher(n);
        if (http.find()) {
            method = http.group(1).toUpperCase(Locale.ROOT) + " ";
            n = n.substring(http.end()).strip();
        }
        if (n.startsWith("/") || !method.isEmpty()) {
            String path = PATH_PARAMETER.matcher(n.replaceFirst("[?#].*$", "")).replaceAll(":")
                    .toLowerCase(Locale.ROOT).replaceFirst("/+$", "");
            return method + (path.startsWith("/") ? path : "/" + path);
        }
        n = n.replaceFirst("^(?i)(interface|class|type)\\s+", "").replaceFirst("\\(.*\\)\\s*;?$", "")
                .replace("->", ".").replace("::", ".").replace("$", "");
        StringBuilder out = new StringBuilder();
        for (String part : n.split("\\.")) {
            String word = part.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
            if (!word.isEmpty()) {
                out.append(out.isEmpty() ? "" : ".").append(word);
            }
        }
        return out.toString();
    }

    private static String last(String key) {
        return key.startsWith("/") || key.contains(" ") ? key : key.substring(key.lastIndexOf('.') + 1);
    }

    private static String shown(String name) {
        return name.strip().replaceFirst("^(?i)interface\\s+", "");
    }
}
