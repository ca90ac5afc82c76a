package com.workos.mcpdocs.service;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Turns what a model or person passes as a doc path into a corpus path. It only ever produces a lookup key for the
 * in-memory corpus; nothing here touches the file system.
 */
public final class PathNormalizer {

    /** Longest path accepted. */
    public static final int MAX_LENGTH = 512;

    private PathNormalizer() {
    }

    /** A normalized path and the anchor that came with it (empty when none). */
    public record DocPath(String path, String anchor) {
    }

    /**
     * Accepts {@code sso/redirect-uris}, {@code /sso/redirect-uris}, {@code sso/redirect-uris.mdx},
     * {@code authkit/index}, {@code https://workos.com/docs/sso/redirect-uris#wildcard-characters}...
     *
     * @throws IllegalArgumentException with a message a user can act on
     */
    public static DocPath normalize(String raw) {
        if (raw == null) {
            return new DocPath("", "");
        }
        if (raw.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("path is " + raw.length() + " characters long; the limit is "
                    + MAX_LENGTH + ". Pass a docs path such as 'sso/redirect-uris'.");
        }
        for (int i = 0; i < raw.length(); i++) {
            if (Character.isISOControl(raw.charAt(i))) {
                throw new IllegalArgumentException("path contains a control character; pass a docs path such as "
                        + "'sso/redirect-uris'.");
            }
        }
        String path = raw.strip();
        path = path.replaceFirst("(?i)^https?://(www\\.)?workos\\.com/docs(?=/|$|#)", "");
        String anchor = "";
        int hash = path.indexOf('#');
        if (hash >= 0) {
            anchor = path.substring(hash + 1);
            path = path.substring(0, hash);
        }
        int query = path.indexOf('?');
        if (query >= 0) {
            path = path.substring(0, query);
        }
        if (path.contains("%")) {
            try {
                path = URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException ignored) {
                // keep it undecoded: it will simply not be found
            }
        }
        path = path.replace('\\', '/');
        path = path.replaceAll("/{2,}", "/");
        path = path.replaceFirst("^/?docs/", "/");
        path = path.replaceFirst("^/+", "").replaceFirst("/+$", "");
        path = path.replaceFirst("(?i)\\.mdx?$", "");
        if (path.equals("index")) {
            path = "";
        }
        path = path.replaceFirst("/index$", "");
        return new DocPath(path.toLowerCase(Locale.ROOT), anchor);
    }
}
