package com.workos.mcpdocs.mcp;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads and checks tool and prompt arguments. Every problem becomes an {@link IllegalArgumentException} whose
 * message says what was wrong and what to send instead.
 *
 * <p>Models often send an argument under another name ({@code url} for {@code path}, {@code limit} for
 * {@code maxResults}). Ignoring such a name answers a different question than the one asked, so every name is
 * either accepted, mapped through the caller's table of common other names (which the tool's description lists),
 * or refused with the list of accepted names.
 */
public final class Arguments {

    private final Map<String, Object> values;

    /** Arguments as given, without checking their names (for callers that check them themselves). */
    Arguments(Map<String, Object> values) {
        this.values = values == null ? Map.of() : values;
    }

    /**
     * Arguments whose names are checked: each must be one of {@code accepted} or a key of {@code otherNames}
     * (read as the name it maps to).
     *
     * @param owner what the arguments are for, as named in messages ("workos_docs")
     * @throws IllegalArgumentException for an unknown name, or a value given under two names
     */
    static Arguments checked(String owner, Map<String, Object> given, List<String> accepted,
                             Map<String, String> otherNames) {
        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, String> givenAs = new LinkedHashMap<>();
        List<String> unknown = new java.util.ArrayList<>();
        if (given != null) {
            for (Map.Entry<String, Object> entry : given.entrySet()) {
                String name = entry.getKey();
                String target = accepted.contains(name) ? name : otherNames.get(name);
                if (target == null) {
                    unknown.add("'" + printable(name) + "'");
                    continue;
                }
                String earlier = givenAs.putIfAbsent(target, name);
                if (earlier != null) {
                    throw new IllegalArgumentException("'" + earlier + "' and '" + name + "' both mean '" + target
                            + "'; send only '" + target + "'.");
                }
                values.put(target, entry.getValue());
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown argument" + (unknown.size() == 1 ? " " : "s ")
                    + String.join(", ", unknown) + "; " + owner + " accepts "
                    + accepted.stream().map(a -> "'" + a + "'").collect(Collectors.joining(", ")) + ".");
        }
        return new Arguments(values);
    }

    /** The values under their accepted names. */
    Map<String, Object> values() {
        return values;
    }

    /** The other names as a sentence for a description: "Also accepted: 'url' or 'page' for 'path'." */
    static String describeOtherNames(Map<String, String> otherNames) {
        if (otherNames.isEmpty()) {
            return "";
        }
        Map<String, List<String>> byTarget = otherNames.entrySet().stream().collect(Collectors.groupingBy(
                Map.Entry::getValue, LinkedHashMap::new, Collectors.mapping(Map.Entry::getKey, Collectors.toList())));
        return "Also accepted: " + byTarget.entrySet().stream()
                .map(e -> e.getValue().stream().map(n -> "'" + n + "'").collect(Collectors.joining(" or "))
                        + " for '" + e.getKey() + "'")
                .collect(Collectors.joining("; ")) + ".";
    }

    private static String printable(String name) {
        String cleaned = name.codePoints().filter(c -> !Character.isISOControl(c)).limit(60)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return cleaned.length() < name.length() ? cleaned + "..." : cleaned;
    }

    /** A string argument; {@code null} when absent and not required. */
    String string(String name, boolean required, int maxLength) {
        Object value = values.get(name);
        if (value == null) {
            if (required) {
                throw new IllegalArgumentException("missing required argument '" + name + "' (a string).");
            }
            return null;
        }
        if (!(value instanceof String s)) {
            throw new IllegalArgumentException("argument '" + name + "' must be a string, not "
                    + typeName(value) + ".");
        }
        if (s.length() > maxLength) {
            throw new IllegalArgumentException("argument '" + name + "' is " + s.length()
                    + " characters long; the limit is " + maxLength + ".");
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isISOControl(c) && c != '\n' && c != '\t' && c != '\r') {
                throw new IllegalArgumentException("argument '" + name + "' contains a control character (U+"
                        + String.format("%04X", (int) c) + "); send plain text.");
            }
        }
        return s;
    }

    /** A count checked by the same rule as every other caller's ({@code null} when absent). */
    Integer count(String name, com.workos.mcpdocs.service.Limit limit) {
        Integer n = integer(name, Integer.MIN_VALUE, Integer.MAX_VALUE);
        return n == null ? null : limit.check(n, name);
    }

    /** An integer argument within {@code [min, max]}; {@code null} when absent. */
    Integer integer(String name, int min, int max) {
        Object value = values.get(name);
        if (value == null) {
            return null;
        }
        long n;
        if (value instanceof Number number) {
            double d = number.doubleValue();
            if (d != Math.rint(d) || Double.isInfinite(d)) {
                throw new IllegalArgumentException("argument '" + name + "' must be a whole number between " + min
                        + " and " + max + ", not " + value + ".");
            }
            n = number.longValue();
        } else if (value instanceof String s && s.strip().matches("-?\\d{1,9}")) {
            n = Long.parseLong(s.strip());
        } else {
            throw new IllegalArgumentException("argument '" + name + "' must be a number between " + min + " and "
                    + max + ", not " + typeName(value) + ".");
        }
        if (n < min || n > max) {
            throw new IllegalArgumentException("argument '" + name + "' must be between " + min + " and " + max
                    + "; got " + n + ".");
        }
        return (int) n;
    }

    /** How a JSON value's type reads in an error message: "a string", "an array"... */
    public static String typeName(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof String) {
            return "a string";
        }
        if (value instanceof Number) {
            return "a number";
        }
        if (value instanceof Boolean) {
            return "a boolean";
        }
        if (value instanceof Map) {
            return "an object";
        }
        if (value instanceof java.util.List) {
            return "an array";
        }
        return value.getClass().getSimpleName();
    }
}
