/**
 * The corpus: an immutable in-memory model of the documentation (pages with their frontmatter, body and headings,
 * navigation, changelog entries, example groups, API reference entries, path aliases). It imports nothing else of
 * ours: everything else reads it. In: values built by {@code library.CorpusLoader}. Out: {@code Corpus} and its
 * records.
 */
package com.workos.mcpdocs.corpus;
