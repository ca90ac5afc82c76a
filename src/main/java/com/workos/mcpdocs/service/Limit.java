package com.workos.mcpdocs.service;

/**
 * A count a caller may choose (how many results, entries, examples): its range and its default. The MCP tools, the
 * command line and the services check it with this one rule, so a value one of them refuses none of them clamps.
 *
 * @param min          the smallest value accepted
 * @param max          the largest value accepted
 * @param defaultValue what an absent value means
 */
public record Limit(int min, int max, int defaultValue) {

    /** Search results per query. */
    public static final Limit SEARCH_RESULTS = new Limit(1, 50, 10);
    /** Changelog entries per answer. */
    public static final Limit CHANGELOG_ENTRIES = new Limit(1, 100, 10);
    /** Code examples per answer. */
    public static final Limit EXAMPLES = new Limit(1, 200, 20);

    /**
     * The value to use: {@code value}, or the default when it is {@code null}.
     *
     * @param name how the caller named the value ({@code maxResults}, {@code --max-results}), for the message
     * @throws IllegalArgumentException when the value is out of range
     */
    public int check(Integer value, String name) {
        if (value == null) {
            return defaultValue;
        }
        if (value < min || value > max) {
            throw new IllegalArgumentException("'" + name + "' must be between " + min + " and " + max + "; got "
                    + value + ".");
        }
        return value;
    }
}
