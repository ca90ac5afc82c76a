import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Builds the self-contained image and the npm packages of workos-mcp-docs-server from the built jar. Run by the
 * build (the dist profile, and before the integration tests of {@code mvn verify}) as a single-file program:
 * {@code java src/dist/BuildDist.java JAR VERSION BASEDIR OUTDIR [--jdk=DIR] [--required]}.
 *
 * <ol>
 * <li>the image: a runtime made by jlink with the modules jdeps finds in the jar (less one it names only for
 *     features the server does not use, plus the few that are only looked up at run time), the jar and the launcher,
 *     in {@code OUTDIR/workos-mcp-docs-server-VERSION-OS-ARCH};
 * <li>an ahead-of-time cache of that runtime (JDK 25+), made from a training run (the stdio handshake, searches,
 *     page reads), so that no user's machine records one;
 * <li>the image packed as {@code .tar.gz} ({@code .zip} on Windows);
 * <li>with npm on the PATH: the npm package folders (the main package, whose bin starts the server, and the
 *     runtime package for this platform, which the main one lists as optional) and their {@code npm pack} tarballs.
 * </ol>
 * Without {@code --required}, a step the machine cannot do (no jmods for jlink, no npm) is reported and skipped, and
 * the program exits 0: {@code mvn verify} then skips the tests of what is missing, saying why.
 */
public final class BuildDist {

    static final String NAME = "workos-mcp-docs-server";
    /** In the output folder when a step was skipped: why. */
    static final String SKIPPED = "skipped.txt";
    /** The npm package name; the runtime packages are named {@code NPM_NAME-OS-ARCH}. */
    static final String NPM_NAME = "workos-mcp-docs-server-java";
    /**
     * Modules that are only looked up at run time, so jdeps cannot see them: Lucene reads the JVM's settings through
     * com.sun.management (jdk.management; without it, it warns on stderr at every start and guesses object sizes)
     * and unmaps its index files with sun.misc.Unsafe on JDK 17-20 (jdk.unsupported); TLS to an HTTPS feed uses the
     * elliptic-curve ciphers (jdk.crypto.ec, JDK 17-21); jar: URIs open as zip file systems (jdk.zipfs), as Jetty's
     * resource factory does.
     */
    static final List<String> RUNTIME_ONLY_MODULES = List.of("jdk.management", "jdk.unsupported", "jdk.crypto.ec",
            "jdk.zipfs");
    /**
     * jdeps lists java.desktop (11 MiB of the runtime) for Jetty's class-loader leak preventers and bean
     * introspection listener, which the server never installs, and Jackson's optional java.beans annotations,
     * which it looks for only when the module is there.
     */
    static final List<String> UNUSED_MODULES = List.of("java.desktop");

    private final Path jar;
    private final String version;
    private final Path base;
    private final Path out;
    private final boolean required;
    private final Path jdk;
    /** The jar's modification time in the image, in seconds: an even number, the build's start. */
    private final long jarTime = System.currentTimeMillis() / 2000 * 2;

    BuildDist(Path jar, String version, Path base, Path out, Path jdk, boolean required) {
        this.jar = jar;
        this.version = version;
        this.base = base;
        this.out = out;
        this.jdk = jdk;
        this.required = required;
    }

    public static void main(String[] args) throws Exception {
        List<String> rest = new java.util.ArrayList<>(List.of(args));
        boolean required = rest.remove("--required");
        rest.remove("--optional");
        String named = rest.stream().filter(arg -> arg.startsWith("--jdk=")).findFirst().orElse("--jdk=");
        rest.remove(named);
        if (rest.size() != 4) {
            System.err.println("usage: java BuildDist.java JAR VERSION BASEDIR OUTDIR [--jdk=DIR] [--required]");
            System.exit(2);
        }
        Path jdk = named.length() > "--jdk=".length() ? Path.of(named.substring("--jdk=".length())) : newestJdk();
        BuildDist dist = new BuildDist(Path.of(rest.get(0)).toAbsolutePath(), rest.get(1),
                Path.of(rest.get(2)).toAbsolutePath(), Path.of(rest.get(3)).toAbsolutePath(), jdk, required);
        Path skipped = dist.out.resolve(SKIPPED);
        Files.createDirectories(dist.out);
        Files.deleteIfExists(skipped);
        try {
            dist.build();
        } catch (Skip e) {
            // The integration tests skip what is missing with this reason.
            Files.writeString(skipped, e.getMessage() + "\n");
            System.err.println("[WARNING] dist: " + e.getMessage());
            System.exit(dist.required ? 1 : 0);
        }
    }

    /** A step this machine cannot do, and what would make it possible. */
    static final class Skip extends Exception {
        Skip(String message) {
            super(message);
        }
    }

    /**
     * The JDK whose runtime goes into the image, when none is named: the newest of the one running this program and
     * those installed beside it (as in /usr/lib/jvm). From JDK 25 on the image gets an ahead-of-time cache, which
     * still serves when the image is unpacked somewhere else than where it was made; a JDK 17 archive does not.
     */
    static Path newestJdk() throws IOException {
        Path running = Path.of(System.getProperty("java.home"));
        List<Path> candidates = new java.util.ArrayList<>(List.of(running));
        Path parent = running.toRealPath().getParent();
        if (parent != null) {
            try (Stream<Path> siblings = Files.list(parent)) {
                siblings.filter(dir -> Files.isRegularFile(dir.resolve("release"))
                        && Files.isRegularFile(dir.resolve("bin").resolve(windows() ? "jlink.exe" : "jlink")))
                        .sorted().forEach(candidates::add);
            }
        }
        Path best = running;
        for (Path candidate : candidates) {
            if (major(candidate) > major(best)) {
                best = candidate;
            }
        }
        return best;
    }

    /** The feature version of a JDK, from its release file (0 when it cannot be read). */
    static int major(Path jdk) {
        try {
            for (String line : Files.readAllLines(jdk.resolve("release"))) {
                if (line.startsWith("JAVA_VERSION=")) {
                    String[] parts = line.substring(line.indexOf('"') + 1).split("[.\"+-]");
                    return Integer.parseInt(parts[0].equals("1") ? parts[1] : parts[0]);
                }
            }
        } catch (IOException | RuntimeException e) {
            // not a JDK we can use
        }
        return 0;
    }

    static String os() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        return os.contains("win") ? "win32" : os.contains("mac") ? "darwin" : os.contains("linux") ? "linux" : os;
    }

    static String arch() {
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        return switch (arch) {
            case "amd64", "x86_64" -> "x64";
            case "aarch64" -> "arm64";
            default -> arch;
        };
    }

    static boolean windows() {
        return os().equals("win32");
    }

    void build() throws Exception {
        if (!Files.isRegularFile(jar)) {
            throw new Skip("no " + jar + ": build the jar first (mvn -q -DskipTests package)");
        }
        long start = System.nanoTime();
        String platform = os() + "-" + arch();
        Path image = out.resolve(NAME + "-" + version + "-" + platform);
        delete(image);
        Files.createDirectories(image.resolve("lib"));
        Files.createDirectories(image.resolve("bin"));

        log("runtime from the JDK " + major(jdk) + " at " + jdk);
        List<String> modules = modules();
        jlink(modules, image.resolve("runtime"));
        Path lib = image.resolve("lib");
        Files.copy(jar, lib.resolve(NAME + ".jar"), StandardCopyOption.REPLACE_EXISTING);
        copyLauncher(image.resolve("bin"));
        // The cache is valid only for the jar's size and modification time (whole seconds). An even number of them
        // survives a zip's timestamps; the npm package's bin sets it back (npm dates every file anew), from the
        // runtime package's jarTime.
        Files.setLastModifiedTime(lib.resolve(NAME + ".jar"), java.nio.file.attribute.FileTime.fromMillis(
                jarTime * 1000));
        trainAndDumpArchive(image);
        Path packed = pack(image);
        log("image " + image.getFileName() + ": " + mib(size(image)) + " MiB unpacked, " + mib(Files.size(packed))
                + " MiB packed (" + packed.getFileName() + "), modules " + String.join(",", modules));

        npmPackages(image, platform);
        log("done in " + TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start) + " s");
    }

    /** The modules the jar needs: what jdeps finds in its classes, and those only looked up at run time. */
    List<String> modules() throws Exception {
        String found = tool("jdeps", "--multi-release", "17", "--ignore-missing-deps", "--print-module-deps",
                jar.toString()).strip();
        TreeSet<String> modules = new TreeSet<>(List.of(found.split(",")));
        modules.removeAll(UNUSED_MODULES);
        modules.addAll(RUNTIME_ONLY_MODULES);
        return List.copyOf(modules);
    }

    void jlink(List<String> modules, Path runtime) throws Exception {
        // Up to JDK 23 jlink links from the JDK's jmods; from 24 on a JDK may be linkable without them.
        Path jmods = jdk.resolve("jmods");
        if (!Files.isDirectory(jmods) && major(jdk) < 24) {
            throw new Skip("the JDK at " + jdk + " has no jmods folder, which jlink needs (on Debian/Ubuntu: "
                    + "apt-get install openjdk-" + major(jdk) + "-jmods), or name another with -Ddist.jdk=DIR; "
                    + "no image was built");
        }
        List<String> command = new java.util.ArrayList<>(List.of("--add-modules", String.join(",", modules),
                "--strip-debug", "--no-man-pages", "--no-header-files", "--compress=" + (major(jdk) >= 21 ? "zip-6"
                        : "2"), "--output", runtime.toString()));
        if (Files.isDirectory(jmods)) {
            command.addAll(0, List.of("--module-path", jmods.toString()));
        }
        tool("jlink", command.toArray(String[]::new));
        // The JVM library carries its symbol table (a few MiB) that nothing at run time reads.
        Path jvm = runtime.resolve("lib/server/libjvm.so");
        if (Files.isRegularFile(jvm) && onPath("strip")) {
            jvm.toFile().setWritable(true);
            run(List.of("strip", "--strip-unneeded", jvm.toString()), null, Map.of());
        }
    }

    void copyLauncher(Path bin) throws IOException {
        for (String launcher : List.of(NAME, NAME + ".cmd")) {
            Path target = bin.resolve(launcher);
            Files.copy(base.resolve("bin").resolve(launcher), target, StandardCopyOption.REPLACE_EXISTING);
            executable(target);
        }
    }

    /**
     * Runs the image's own launcher as an MCP client would, and keeps what the run loaded next to the jar, where the
     * launcher finds it: an ahead-of-time cache (JDK 25+: the classes loaded and linked, and the profiles of the
     * methods run), written by the JVM at the run's end. The JVM maps it at every start instead of loading, parsing,
     * verifying and linking each class again. Older JDKs get none: their class-data sharing archive holds the jar's
     * path when it was made, so it would serve only where the image was built.
     */
    void trainAndDumpArchive(Path image) throws Exception {
        if (major(jdk) < 25) {
            System.err.println("[WARNING] dist: the runtime is from JDK " + major(jdk) + ", so the image has no "
                    + "ahead-of-time cache and starts about twice as slowly: name a JDK 25+ with -Ddist.jdk=DIR");
            return;
        }
        Path work = Files.createTempDirectory(out, "training");
        try {
            Path cache = image.resolve("lib").resolve(NAME + ".aot");
            Map<String, String> env = new LinkedHashMap<>();
            // Whatever the run keeps (copies of the index) stays in the work folder, not in the builder's home.
            env.put("WORKOS_DOCS_DATA_DIR", work.resolve("data").toString());
            env.put("WORKOS_DOCS_JAVA_OPTS", "-XX:AOTCacheOutput=" + cache + " -Xlog:aot=error");
            Training.run(launcherCommand(image), env, work);
            if (!Files.isRegularFile(cache)) {
                throw new IOException("the training run wrote no AOT cache: " + Files.readString(
                        work.resolve("training.log")));
            }
        } finally {
            delete(work);
        }
    }

    List<String> launcherCommand(Path image) {
        Path bin = image.resolve("bin");
        return windows() ? List.of("cmd", "/c", bin.resolve(NAME + ".cmd").toString())
                : List.of("/bin/sh", bin.resolve(NAME).toString());
    }

    /** A stdio MCP session: the handshake, listings, searches and page reads, answered one by one. */
    static final class Training {
        static final List<String> REQUESTS = List.of(
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\","
                        + "\"capabilities\":{},\"clientInfo\":{\"name\":\"training\",\"version\":\"1\"}}}",
                "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}",
                "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}",
                search(3, "sso"),
                search(4, "saml redirect uri"),
                search(5, "how do I create an organization membership"),
                search(6, "listUsers"),
                call(7, "workos_docs", "{\"path\":\"sso\"}"),
                call(8, "workos_docs", "{\"path\":\"\"}"),
                call(9, "workos_docs", "{\"path\":\"reference/authkit/user/create\",\"language\":\"node\"}"),
                call(10, "workos_docs", "{\"path\":\"no/such/page\"}"),
                call(11, "workos_api", "{\"name\":\"createUser\"}"),
                call(12, "workos_changelogs", "{\"package\":\"\"}"),
                call(13, "workos_examples", "{\"example\":\"sso\"}"),
                "{\"jsonrpc\":\"2.0\",\"id\":14,\"method\":\"resources/list\"}",
                "{\"jsonrpc\":\"2.0\",\"id\":15,\"method\":\"prompts/list\"}",
                "{\"jsonrpc\":\"2.0\",\"id\":16,\"method\":\"ping\"}");

        static String search(int id, String query) {
            return call(id, "workos_search", "{\"query\":\"" + query + "\"}");
        }

        static String call(int id, String tool, String arguments) {
            return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"tools/call\",\"params\":{\"name\":\"" + tool
                    + "\",\"arguments\":" + arguments + "}}";
        }

        static void run(List<String> command, Map<String, String> env, Path work) throws Exception {
            ProcessBuilder builder = new ProcessBuilder(command).redirectError(work.resolve("training.log").toFile());
            builder.environment().putAll(env);
            Process process = builder.start();
            try (PrintWriter stdin = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
                 BufferedReader stdout = new BufferedReader(new InputStreamReader(process.getInputStream(),
                         StandardCharsets.UTF_8))) {
                for (String request : REQUESTS) {
                    stdin.println(request);
                    if (request.contains("\"id\":")) {
                        // One answer per request, read before the next is sent: a request's own work is recorded.
                        String answer = stdout.readLine();
                        while (answer != null && !answer.contains("\"id\":")) {
                            answer = stdout.readLine();
                        }
                        if (answer == null) {
                            throw new IOException("the training run ended early; see its log: "
                                    + Files.readString(work.resolve("training.log")));
                        }
                    }
                }
            } finally {
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new IOException("the training run did not end when its stdin closed");
                }
            }
        }
    }

    /** The image as one file: a .tar.gz (with the files' modes and symlinks) or, on Windows, a .zip. */
    Path pack(Path image) throws Exception {
        String name = image.getFileName().toString();
        if (windows()) {
            Path zip = out.resolve(name + ".zip");
            try (ZipOutputStream zipped = new ZipOutputStream(Files.newOutputStream(zip));
                 Stream<Path> files = Files.walk(image)) {
                for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                    ZipEntry entry = new ZipEntry(name + "/" + image.relativize(file).toString().replace('\\', '/'));
                    entry.setLastModifiedTime(Files.getLastModifiedTime(file));
                    zipped.putNextEntry(entry);
                    Files.copy(file, zipped);
                    zipped.closeEntry();
                }
            }
            return zip;
        }
        Path tar = out.resolve(name + ".tar.gz");
        Files.deleteIfExists(tar);
        run(List.of("tar", "-czf", tar.toString(), "-C", out.toString(), name), null, Map.of());
        return tar;
    }

    /**
     * The npm packages: the runtime package for this platform (the image, restricted to its os and cpu) and the
     * main package, whose bin starts the runtime package's launcher when npm installed it, else the jar it carries
     * with a java 17+ of the machine, else says what to install.
     */
    void npmPackages(Path image, String platform) throws Exception {
        String npm = windows() ? "npm.cmd" : "npm";
        if (!onPath(npm)) {
            throw new Skip("npm is not on the PATH: the image was built, the npm packages were not");
        }
        Path npmDir = out.resolve("npm");
        delete(npmDir);
        String[] osArch = platform.split("-", 2);

        Path runtimePackage = npmDir.resolve(NPM_NAME + "-" + platform);
        copyTree(image, runtimePackage);
        Files.writeString(runtimePackage.resolve("package.json"), """
                {
                  "name": "%s",
                  "version": "%s",
                  "description": "The self-contained runtime of %s for %s: a Java runtime, the server and its class-data sharing archive.",
                  "license": "MIT",
                  "os": ["%s"],
                  "cpu": ["%s"],
                  "preferUnplugged": true,
                  "jarTime": %d
                }
                """.formatted(NPM_NAME + "-" + platform, version, NPM_NAME, platform, osArch[0], osArch[1], jarTime));

        Path main = npmDir.resolve(NPM_NAME);
        copyTree(base.resolve("src/dist/npm"), main);
        Files.createDirectories(main.resolve("lib"));
        Files.copy(jar, main.resolve("lib/" + NAME + ".jar"), StandardCopyOption.REPLACE_EXISTING);
        Files.createDirectories(main.resolve("bin"));
        Files.copy(base.resolve("bin/" + NAME), main.resolve("bin/" + NAME), StandardCopyOption.REPLACE_EXISTING);
        executable(main.resolve("bin/" + NAME));
        executable(main.resolve("bin/" + NPM_NAME + ".js"));
        Path packageJson = main.resolve("package.json");
        Files.writeString(packageJson, Files.readString(packageJson).replace("@VERSION@", version)
                .replace("@RUNTIME_PACKAGE@", NPM_NAME + "-" + platform));

        for (Path folder : List.of(runtimePackage, main)) {
            run(List.of(npm, "pack", "--silent", "--pack-destination", out.toString()), null, Map.of(), folder);
        }
        log("npm packages " + NPM_NAME + "-" + version + ".tgz (" + mib(Files.size(out.resolve(NPM_NAME + "-"
                + version + ".tgz"))) + " MiB) and " + NPM_NAME + "-" + platform + "-" + version + ".tgz ("
                + mib(Files.size(out.resolve(NPM_NAME + "-" + platform + "-" + version + ".tgz"))) + " MiB)");
    }

    /** Runs one of the chosen JDK's tools and returns what it printed. */
    String tool(String name, String... args) throws Exception {
        Path tool = jdk.resolve("bin").resolve(windows() ? name + ".exe" : name);
        if (!Files.isExecutable(tool)) {
            throw new Skip("the JDK at " + jdk + " has no " + name + " (a JRE?): name a full JDK 17+ with "
                    + "-Ddist.jdk=DIR");
        }
        Path log = Files.createTempFile(out, name, ".log");
        try {
            List<String> command = new java.util.ArrayList<>(List.of(tool.toString()));
            command.addAll(List.of(args));
            run(command, log, Map.of());
            return Files.readString(log);
        } finally {
            Files.deleteIfExists(log);
        }
    }

    static void run(List<String> command, Path log, Map<String, String> env) throws Exception {
        run(command, log, env, null);
    }

    static void run(List<String> command, Path log, Map<String, String> env, Path cwd) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (cwd != null) {
            builder.directory(cwd.toFile());
        }
        builder.environment().putAll(env);
        builder.redirectOutput(log != null ? ProcessBuilder.Redirect.to(log.toFile())
                : ProcessBuilder.Redirect.INHERIT);
        Process process = builder.redirectInput(ProcessBuilder.Redirect.from(nullFile())).start();
        if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " failed"
                    + (log != null && Files.exists(log) ? ": " + Files.readString(log) : ""));
        }
    }

    static java.io.File nullFile() {
        return new java.io.File(windows() ? "NUL" : "/dev/null");
    }

    static boolean onPath(String program) {
        String path = System.getenv("PATH");
        return path != null && Stream.of(path.split(java.io.File.pathSeparator))
                .anyMatch(dir -> !dir.isEmpty() && Files.isExecutable(Path.of(dir, program)));
    }

    static void executable(Path file) throws IOException {
        if (!windows()) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> {
                try {
                    file.toFile().setWritable(true);
                    Files.delete(file);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    static long size(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            long total = 0;
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                total += Files.size(file);
            }
            return total;
        }
    }

    static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.1f", bytes / 1048576.0);
    }

    static void log(String message) {
        System.out.println("[INFO] dist: " + message);
    }
}
