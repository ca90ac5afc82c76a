package com.workos.mcpdocs;

import com.workos.mcpdocs.corpus.Corpus;
import com.workos.mcpdocs.library.EmbeddedCorpus;
import java.io.IOException;
import org.opentest4j.TestAbortedException;

/**
 * The real corpus the build embedded, for the tests that need it: a build without npm has none, and those tests are
 * then skipped with this reason, not failed.
 */
public final class RealCorpus {

    public static final String MISSING = "no embedded corpus: the build had no npm to fetch it (install Node.js with "
            + "npm and rebuild to run this test)";

    private RealCorpus() {
    }

    /** Skips the calling test (or class, from a {@code @BeforeAll}) when the build embedded no corpus. */
    public static void assumePresent() throws IOException {
        if (EmbeddedCorpus.open().isEmpty()) {
            throw new TestAbortedException(MISSING);
        }
    }

    /** The embedded corpus, loaded; skips the calling test when there is none. */
    public static Corpus load() throws IOException {
        return EmbeddedCorpus.load().orElseThrow(() -> new TestAbortedException(MISSING));
    }
}
