package com.workos.mcpdocs.service;

/** The documentation could not be loaded; the message says why and what to do. */
public final class CorpusUnavailableException extends RuntimeException {

    public CorpusUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
