package com.workos.mcpdocs.search;

import com.workos.mcpdocs.RealCorpus;
import com.workos.mcpdocs.corpus.Corpus;
import java.io.IOException;

/**
 * The embedded corpus and its index, built in memory once for the search tests that compare a part of the engine
 * with Lucene on the real corpus (building it takes seconds; the index is only read).
 */
final class EmbeddedIndex {

    private static Corpus corpus;
    private static IndexParts parts;

    private EmbeddedIndex() {
    }

    static synchronized Corpus corpus() throws IOException {
        if (corpus == null) {
            corpus = RealCorpus.load();
        }
        return corpus;
    }

    static synchronized IndexParts parts() throws IOException {
        if (parts == null) {
            IndexParts built = IndexParts.inMemory();
            IndexBuilder.write(corpus(), built);
            parts = built;
        }
        return parts;
    }
}
