package com.workos.mcpdocs.service;

import com.workos.mcpdocs.corpus.Corpus;
import com.workos.mcpdocs.render.PageRenderer;
import com.workos.mcpdocs.search.PrebuiltIndex;

/**
 * The plain-Java services behind the MCP tools, the command line and the tests, wired from one corpus.
 */
public record Services(Corpus corpus, DocsService docs, SearchService search, ChangelogService changelogs,
                       ExamplesService examples, ApiService api) {

    /** Wires every service over {@code corpus}. */
    public static Services of(Corpus corpus) {
        PageRenderer renderer = PageRenderer.of(corpus);
        return new Services(corpus, new DocsService(corpus, renderer), new SearchService(PrebuiltIndex.openOrBuild(corpus)),
                new ChangelogService(corpus), new ExamplesService(corpus), new ApiService(corpus, renderer));
    }
}
