package com.workos.mcpdocs.corpus;

/**
 * A file that could not be loaded and was skipped.
 *
 * @param file   the file, relative to the corpus root
 * @param reason what was wrong
 */
public record LoadProblem(String file, String reason) {
}
