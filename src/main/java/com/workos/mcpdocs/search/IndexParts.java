package com.workos.mcpdocs.search;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.ParallelCompositeReader;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * The four Lucene indexes of a search index: the page and section text, and beside each the per-term scores
 * ({@link Impacts}) of the same documents in the same order. The scores are written after the text, from its
 * statistics, into an index of their own, so the text is analysed once; a reader sees both as one index.
 */
record IndexParts(Directory pages, Directory pageImpacts, Directory sections, Directory sectionImpacts) {

    /** Folder (or resource folder) names of the parts, in the order of the record's components. */
    static final List<String> NAMES = List.of("pages", "page-impacts", "sections", "section-impacts");

    static IndexParts inMemory() {
        return new IndexParts(SearchIndex.memoryDirectory(), SearchIndex.memoryDirectory(),
                SearchIndex.memoryDirectory(), SearchIndex.memoryDirectory());
    }

    static IndexParts of(Directory[] directories) {
        return new IndexParts(directories[0], directories[1], directories[2], directories[3]);
    }

    static IndexParts open(Path dir) throws IOException {
        return of(directories(dir));
    }

    /** The parts' folders under {@code dir}, opened with the file system's best directory (memory-mapped). */
    static Directory[] directories(Path dir) throws IOException {
        Directory[] directories = new Directory[NAMES.size()];
        for (int i = 0; i < directories.length; i++) {
            directories[i] = FSDirectory.open(dir.resolve(NAMES.get(i)));
        }
        return directories;
    }

    /** The page text and its scores as one reader. */
    IndexReader openPages() throws IOException {
        return new ParallelCompositeReader(DirectoryReader.open(pages), DirectoryReader.open(pageImpacts));
    }

    /** The section text and its scores as one reader. */
    IndexReader openSections() throws IOException {
        return new ParallelCompositeReader(DirectoryReader.open(sections), DirectoryReader.open(sectionImpacts));
    }
}
