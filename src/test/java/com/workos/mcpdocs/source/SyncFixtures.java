package com.workos.mcpdocs.source;

import java.nio.file.Path;

/** Paths of the hand-written sync fixtures under {@code src/test/resources/sync}. */
public final class SyncFixtures {

    private SyncFixtures() {
    }

    public static Path dir() {
        return Path.of("src/test/resources/sync").toAbsolutePath();
    }

    public static Path monorepo() {
        return dir().resolve("monorepo");
    }

    public static Path feed(String name) {
        return dir().resolve(name);
    }
}
