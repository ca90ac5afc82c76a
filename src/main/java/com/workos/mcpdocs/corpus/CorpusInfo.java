package com.workos.mcpdocs.corpus;

/**
 * Where a corpus came from, so the server can tell a model how fresh its answers are.
 *
 * @param origin  e.g. {@code embedded @workos/mcp-docs-server@0.2.0} or a folder path
 * @param version the content version, or {@code unknown}
 * @param date    the date the content was made (ISO), or {@code unknown}
 */
public record CorpusInfo(String origin, String version, String date) {
    public String describe() {
        return origin + " (version " + version + ", made " + date + ")";
    }
}
