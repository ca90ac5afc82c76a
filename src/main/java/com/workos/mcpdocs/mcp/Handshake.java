package com.workos.mcpdocs.mcp;

import com.workos.mcpdocs.corpus.CorpusInfo;

/**
 * What the server says about itself in its answer to {@code initialize}: name, version and instructions. Plain
 * strings, so the stdio transport can write that answer before the protocol stack is built.
 */
public record Handshake(String name, String version, String instructions) {

    public static final String NAME = "workos-mcp-docs-server";

    /** The handshake of a server over {@code corpus}. */
    public static Handshake of(CorpusInfo corpus) {
        return new Handshake(NAME, Version.current(), instructions(corpus));
    }

    static String instructions(CorpusInfo corpus) {
        String base = """
                Offline WorkOS documentation: guides, API and SDK reference, integrations, code examples and \
                changelogs. Start with workos_search (keywords, a question, an SDK method or an endpoint), then read \
                the best result with workos_docs using its path. workos_docs with an empty path lists the sections. \
                When you know an exact SDK method, endpoint or object name, workos_api answers with its parameters \
                and return type directly. \
                """;
        if (corpus.origin().equals("none")) {
            return base + "No documentation is loaded: restart the server with --docs DIR pointing at a folder in "
                    + "the .docs/organized layout.";
        }
        return base + "Corpus: " + corpus.describe() + ".";
    }
}
