/**
 * Where content comes from: a folder in the {@code .docs/organized} layout, the published npm package (fetched with
 * the machine's own {@code npm pack}), a docs monorepo checkout, an RSS feed. Each source yields a
 * {@code ContentTree}, the raw files of a corpus, and knows nothing of what is made of them. It imports nothing
 * else of ours.
 */
package com.workos.mcpdocs.source;
