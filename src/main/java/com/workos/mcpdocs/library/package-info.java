/**
 * The corpus life cycle, and the only place that ties {@code source}, {@code corpus}, {@code render} and
 * {@code search} together: loading a {@code ContentTree} into a {@code Corpus}, the corpus embedded in the jar (and
 * the build step that embeds it with its index), the data directory where {@code sync} keeps corpora, the sync
 * itself (fetch, load, index, store, swap {@code current}) and reading a stored corpus back. In: sources. Out: a
 * corpus with its search index.
 */
package com.workos.mcpdocs.library;
