package com.workos.mcpdocs.service;

import com.workos.mcpdocs.corpus.Corpus;
import com.workos.mcpdocs.render.PageRenderer;
import com.workos.mcpdocs.search.SearchIndex;

/**
 * The plain-Java services behind the MCP tools, the command line and the tests, wired from one corpus and its index.
 */
public record Services(Corpus corpus, DocsService docs, SearchService search, ChangelogService changelogs,
                       ExamplesService examples, ApiService api) {

    /** Wires every service over {@code corpus} and its search {@code index}. */
    public static Services of(Corpus corpus, SearchIndex index) {
        PageRenderer renderer = PageRenderer.of(corpus);
        return new Services(corpus, new DocsService(corpus, renderer), new SearchService(index),
                new ChangelogService(corpus), new ExamplesService(corpus), new ApiService(corpus, renderer));
    }

    /** The same services, their answers pointing at commands a person types instead of tool calls. */
    public Services forCommandLine() {
        PageRenderer renderer = docs.renderer();
        return new Services(corpus, docs.with(Calls.COMMANDS), search, new ChangelogService(corpus, Calls.COMMANDS),
                examples, new ApiService(corpus, renderer, Calls.COMMANDS));
    }
}
