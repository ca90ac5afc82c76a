package com.workos.mcpdocs.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class PathNormalizerTest {

    @ParameterizedTest
    @CsvSource({
            "sso/redirect-uris, sso/redirect-uris, ''",
            "/sso/redirect-uris, sso/redirect-uris, ''",
            "sso/redirect-uris.mdx, sso/redirect-uris, ''",
            "sso/redirect-uris.md, sso/redirect-uris, ''",
            "authkit/index, authkit, ''",
            "authkit/, authkit, ''",
            "https://workos.com/docs/sso/redirect-uris#wildcard-characters, sso/redirect-uris, wildcard-characters",
            "/docs/sso, sso, ''",
            "index, '', ''",
            "SSO/Redirect-URIs, sso/redirect-uris, ''",
    })
    void acceptsTheFormsAModelHasAtHand(String raw, String path, String anchor) {
        PathNormalizer.DocPath normalized = PathNormalizer.normalize(raw);
        assertThat(normalized.path()).isEqualTo(path);
        assertThat(normalized.anchor()).isEqualTo(anchor);
    }

    @Test
    void refusesOverLongPathsAndControlCharacters() {
        assertThatThrownBy(() -> PathNormalizer.normalize("a/".repeat(300)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("limit is 512");
        assertThatThrownBy(() -> PathNormalizer.normalize("sso\u0000/../../etc/passwd"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("control character");
    }
}
