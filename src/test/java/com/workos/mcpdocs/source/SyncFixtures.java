package com.workos.mcpdocs.source;

import java.nio.file.Path;

/** Paths of the hand-written sync fixtures under {@code src/test/resources/sync}. */
final class SyncFixtures {

    private SyncFixtures() {
    }

    static Path dir() {
        return Path.of("src/test/resources/sync").toAbsolutePath();
    }

    static Path monorepo() {
        return dir().resolve("monorepo");
    }

    static Path feed(String name) {
        return dir().resolve(name);
    }
}
