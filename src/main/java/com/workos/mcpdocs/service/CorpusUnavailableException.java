package com.workos.mcpdocs.service;

/** The documentation could not be loaded; the message says why and what to do. */
public final class CorpusUnavailableException extends RuntimeException {

    public CorpusUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    /** No pages are loaded: says which corpus is served and how to load one. */
    public static CorpusUnavailableException noPages(com.workos.mcpdocs.corpus.CorpusInfo corpus) {
        String why = corpus.origin().equals("none")
                ? "no corpus loaded: this build has no embedded docs (npm was not available when it was built)"
                : "no corpus loaded: " + corpus.describe() + " has no docs pages (docs/**/*.mdx)";
        return new CorpusUnavailableException(Character.toUpperCase(why.charAt(0)) + why.substring(1) + ". Load one "
                + "with 'sync --npm' (uses npm) or 'sync --from-dir DIR', or serve a folder in the .docs/organized "
                + "layout with --docs DIR.", null);
    }
}
