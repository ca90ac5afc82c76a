package com.workos.mcpdocs.mcp;

import java.util.Map;

/**
 * Reads and checks tool arguments. Every problem becomes an {@link IllegalArgumentException} whose message says
 * what was wrong and what to send instead.
 */
final class Arguments {

    private final Map<String, Object> values;

    Arguments(Map<String, Object> values) {
        this.values = values == null ? Map.of() : values;
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
    static String typeName(Object value) {
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
