package com.workos.mcpdocs.corpus;

import java.util.List;

/**
 * A parameter, property or return value of an API reference entry.
 *
 * @param key         its name in this language ({@code password_hash_type}, {@code passwordHashType}); for a bare
 *                    reference such as {@code (User)} the key is empty and {@code description} holds it
 * @param type        the declared type, may be empty
 * @param optional    whether it may be left out
 * @param description the description, often a {@code (namespace.key)} placeholder into {@code descriptions:}
 * @param unwrap      an options object whose properties are passed inline
 * @param properties  nested properties of an object
 */
public record ApiParameter(String key, String type, boolean optional, String description, boolean unwrap,
                           List<ApiParameter> properties) {
    public ApiParameter {
        properties = List.copyOf(properties);
    }
}
