package com.workos.mcpdocs.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The npm package as {@code npx} gets it: the tarballs the dist build packed, installed with the machine's npm
 * (nothing is published), and its bin started with, in turn, the runtime package for this platform, a Java from
 * JAVA_HOME, and nothing at all.
 */
class NpmPackageIT {

    static final String NAME = "workos-mcp-docs-server-java";

    @TempDir
    Path dir;

    private Path mainPackage;
    private Path runtimePackage;

    @BeforeEach
    void findPackages() throws Exception {
        mainPackage = Dist.require("npm package", name -> name.matches(NAME + "-\\d.*\\.tgz"));
        runtimePackage = Dist.require("npm runtime package", name -> name.startsWith(NAME + "-")
                && name.endsWith(".tgz") && !name.matches(NAME + "-\\d.*"));
    }

    private Path install() throws Exception {
        boolean npm = Stream.of(System.getenv("PATH").split(File.pathSeparator))
                .anyMatch(folder -> Files.isExecutable(Path.of(folder, "npm")));
        assumeTrue(npm, "npm is not on the PATH");
        Path prefix = dir.resolve("prefix");
        // Both tarballs at once, offline: the main package's optional dependency is the runtime package beside it.
        Dist.Run install = Dist.run(List.of("npm", "install", "--prefix", prefix.toString(), "--offline",
                "--no-audit", "--no-fund", runtimePackage.toString(), mainPackage.toString()),
                Map.of("PATH", System.getenv("PATH"), "HOME", dir.resolve("home").toString()), dir);
        assertThat(install.code()).as(install.out() + install.err()).isZero();
        return prefix;
    }

    @Test
    void theInstalledBinServesMcpWithTheRuntimePackageAndNoJava() throws Exception {
        Path prefix = install();
        Path bin = prefix.resolve("node_modules/.bin/" + NAME);
        // node, and nothing else: no java on the PATH.
        Path path = Dist.pathWith(dir.resolve("path"), "node");
        Dist.answersOverStdio(List.of(bin.toString()), Map.of("PATH", path.toString(), "JAVA_HOME", ""));

        Dist.Run config = Dist.run(List.of(bin.toString(), "config", "claude-desktop"),
                Map.of("PATH", path.toString()), dir);
        assertThat(config.code()).as(config.err()).isZero();
        JsonNode server = JsonMapper.builder().build().readTree(config.out()).at("/mcpServers/workos-docs");
        assertThat(server.get("command").asString()).isEqualTo("npx");
        assertThat(server.get("args").toString()).isEqualTo("[\"-y\",\"" + NAME + "\"]");

        // The runtime package's cache made at build time serves, though npm dated every file anew.
        Path cache;
        try (Stream<Path> modules = Files.list(prefix.resolve("node_modules"))) {
            cache = modules.filter(m -> m.getFileName().toString().startsWith(NAME + "-")).findFirst().orElseThrow()
                    .resolve("lib/workos-mcp-docs-server.aot");
        }
        Dist.Run doctor = Dist.run(List.of(bin.toString(), "doctor"), Map.of("PATH", path.toString(),
                "WORKOS_DOCS_DATA_DIR", dir.resolve("data").toString()), dir);
        assertThat(doctor.out()).as(doctor.err()).contains(Files.exists(cache)
                ? "Start:   AOT cache " + cache.toRealPath() + " (in use)" : "Start:   no archive");
        assertThat(doctor.err()).doesNotContain("[aot]");
    }

    @Test
    void withoutItsRuntimePackageItRunsTheJarWithAJavaElseSaysWhatToInstall() throws Exception {
        Path prefix = install();
        try (Stream<Path> modules = Files.list(prefix.resolve("node_modules"))) {
            for (Path module : modules.filter(m -> m.getFileName().toString().startsWith(NAME + "-")).toList()) {
                Dist.run(List.of("rm", "-rf", module.toString()), Map.of("PATH", System.getenv("PATH")), dir);
            }
        }
        Path bin = prefix.resolve("node_modules/.bin/" + NAME);
        Path path = Dist.pathWith(dir.resolve("path"), "node");
        Dist.answersOverStdio(List.of(bin.toString()), Map.of("PATH", path.toString(), "JAVA_HOME",
                System.getProperty("java.home")));

        Dist.Run none = Dist.run(List.of(bin.toString(), "--version"), Map.of("PATH", path.toString()), dir);
        assertThat(none.code()).isEqualTo(1);
        assertThat(none.err()).contains("install a Java 17 or newer").contains("JAVA_HOME")
                .contains(NAME + "-" + platform());
    }

    private static String platform() {
        String os = System.getProperty("os.name").toLowerCase();
        String arch = System.getProperty("os.arch");
        return (os.contains("linux") ? "linux" : os.contains("mac") ? "darwin" : "win32") + "-"
                + (arch.equals("amd64") || arch.equals("x86_64") ? "x64" : arch.equals("aarch64") ? "arm64" : arch);
    }
}
