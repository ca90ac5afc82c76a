package com.workos.mcpdocs;

import static org.assertj.core.api.Assertions.assertThat;

import com.workos.mcpdocs.corpus.Corpus;
import com.workos.mcpdocs.service.Services;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The real WorkOS corpus embedded by the build, when the build could fetch it. */
class RealCorpusTest {

    static Services services;

    @BeforeAll
    static void load() throws Exception {
        RealCorpus.assumePresent();
        services = App.over(RealCorpus.load()); // the embedded corpus, whatever a local sync holds
    }

    @Test
    void everyPageLoadsAndNoneFails() {
        Corpus corpus = services.corpus();
        assertThat(corpus.problems()).isEmpty();
        assertThat(corpus.pages()).hasSizeGreaterThan(500);
        assertThat(corpus.navigation()).hasSizeGreaterThan(15);
        assertThat(corpus.changelogs()).containsKey("workos-platform");
    }

    @Test
    void knownPagesAnswer() {
        assertThat(services.docs().read("sso/redirect-uris")).startsWith("# Redirect URIs").contains("Wildcard");
        assertThat(services.docs().read("authkit")).contains("AuthKit");
        assertThat(services.docs().read("https://workos.com/docs/directory-sync")).contains("Directory Sync");
    }

    @Test
    void searchFindsKnownPages() {
        assertThat(services.search().search("redirect uri wildcard", 5, null).hits())
                .extracting(h -> h.path()).contains("sso/redirect-uris");
        assertThat(services.search().search("okta scim", 5, "integrations").hits())
                .allSatisfy(h -> assertThat(h.path()).startsWith("integrations/"));
    }
}
