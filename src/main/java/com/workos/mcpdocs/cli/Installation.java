package com.workos.mcpdocs.cli;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where this installation lives: the jar and the java running it. */
final class Installation {

    private Installation() {
    }

    /** The absolute path of the running jar, or {@code null} when not run from a jar (tests, IDE). */
    static Path jar() {
        // The class path as this JVM was given it first: the code source of a class loaded from an ahead-of-time
        // cache names the jar where the cache was made, not where the jar is now.
        String classPath = System.getProperty("java.class.path", "");
        if (classPath.endsWith(".jar") && !classPath.contains(java.io.File.pathSeparator)) {
            Path path = Path.of(classPath).toAbsolutePath().normalize();
            if (Files.isRegularFile(path)) {
                return path;
            }
        }
        try {
            var source = Main.class.getProtectionDomain().getCodeSource();
            if (source == null) {
                return null;
            }
            Path path = Path.of(source.getLocation().toURI()).toAbsolutePath().normalize();
            return Files.isRegularFile(path) && path.toString().endsWith(".jar") ? path : null;
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
    }

    /** The java executable of the running JVM. */
    static String javaExecutable() {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        return Files.isExecutable(java) ? java.toString() : "java";
    }
}
