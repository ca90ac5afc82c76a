package com.workos.mcpdocs.service;

import java.util.List;

/** A requested page, package or name does not exist; carries the closest existing ones. */
public final class NotFoundException extends RuntimeException {

    private final List<String> suggestions;

    public NotFoundException(String message, List<String> suggestions) {
        super(message);
        this.suggestions = List.copyOf(suggestions);
    }

    public List<String> suggestions() {
        return suggestions;
    }
}
