package com.workos.mcpdocs.corpus;

import java.util.List;

/**
 * A group of example source files shipped under {@code examples/<group>/}.
 *
 * @param name  the group name
 * @param path  the group's path as its index declares it
 * @param files the files with their contents
 */
public record ExampleGroup(String name, String path, List<ExampleFile> files) {
    public ExampleGroup {
        files = List.copyOf(files);
    }

    /** One example source file. */
    public record ExampleFile(String path, String language, String content) {
    }
}
