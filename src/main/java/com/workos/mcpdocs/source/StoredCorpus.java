package com.workos.mcpdocs.source;

import com.workos.mcpdocs.corpus.CorpusInfo;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * A corpus that {@code sync} wrote into the data directory: its content, its description and its search index.
 *
 * @param dir      the corpus folder ({@code corpora/<name>})
 * @param tree     its files in the {@code .docs/organized} layout
 * @param info     origin, version and date, from {@code corpus.properties}
 * @param indexDir the prebuilt search index for this content
 */
public record StoredCorpus(Path dir, ContentTree tree, CorpusInfo info, Path indexDir) {

    /** The corpus {@code current} names in {@code data}, when there is one. */
    public static Optional<StoredCorpus> current(DataDirectory data) throws IOException {
        Optional<Path> dir = data.current();
        return dir.isEmpty() ? Optional.empty() : Optional.of(open(dir.get()));
    }

    /** The description of the corpus {@code current} names, without reading its content. */
    public static Optional<CorpusInfo> currentInfo(DataDirectory data) throws IOException {
        Optional<Path> dir = data.current();
        return dir.isEmpty() ? Optional.empty() : Optional.of(info(dir.get()));
    }

    private static CorpusInfo info(Path dir) throws IOException {
        Properties props = new Properties();
        try (InputStream in = Files.newInputStream(dir.resolve(DataDirectory.PROPERTIES))) {
            props.load(in);
        }
        return new CorpusInfo("synced " + props.getProperty("origin", "?"),
                props.getProperty("version", "unknown"), props.getProperty("date", "unknown"));
    }

    static StoredCorpus open(Path dir) throws IOException {
        CorpusInfo info = info(dir);
        ContentTree tree = DataDirectory.readContent(info.origin(), dir.resolve(DataDirectory.CONTENT_ZIP));
        return new StoredCorpus(dir, tree, info, dir.resolve(DataDirectory.INDEX));
    }
}
