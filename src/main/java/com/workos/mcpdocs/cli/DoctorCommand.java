package com.workos.mcpdocs.cli;

import com.workos.mcpdocs.library.StoredCorpus;
import com.workos.mcpdocs.search.PrebuiltIndex;
import com.workos.mcpdocs.service.Services;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code doctor}: what this installation runs on and serves, and whether it is healthy. */
@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = "Check the installation: Java, the corpus served (origin, version, pages), the search index, "
                + "and whether npm is available for sync.")
final class DoctorCommand implements Callable<Integer> {

    /** Set by bin/workos-mcp-docs-server on the JVMs it starts. */
    static final String LAUNCHER_PROPERTY = "workos.docs.launcher";

    @ParentCommand
    Main parent;

    @Override
    public Integer call() {
        boolean healthy = true;
        System.out.println("Java:    " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor")
                + ", " + System.getProperty("java.home") + ")");
        var jar = Installation.jar();
        System.out.println("Jar:     " + (jar == null ? "(not run from a jar)" : jar));
        System.out.println("Start:   " + startup(java.lang.management.ManagementFactory.getRuntimeMXBean()
                .getInputArguments(), System.getProperty("java.vm.info", "")));
        try {
            long start = System.nanoTime();
            if (parent.docs == null) {
                java.util.Optional<String> damage = StoredCorpus.damage(parent.data());
                if (damage.isPresent()) {
                    System.out.println("Synced:  DAMAGED: " + damage.get());
                    healthy = false;
                }
            }
            Services services = parent.app().services();
            var corpus = services.corpus();
            System.out.println("Corpus:  " + corpus.info().describe());
            System.out.println("Pages:   " + corpus.pages().size() + ", changelog packages: " + corpus.changelogs().size()
                    + ", example groups: " + corpus.examples().size() + ", skipped files: " + corpus.problems().size());
            corpus.problems().forEach(p -> System.out.println("         skipped " + p.file() + ": " + p.reason()));
            String index;
            java.util.Optional<StoredCorpus> synced = parent.docs != null ? java.util.Optional.empty()
                    : StoredCorpus.current(parent.data());
            if (PrebuiltIndex.isEmbeddedFor(corpus)) {
                index = "prebuilt, in the jar";
            } else if (synced.isPresent() && PrebuiltIndex.isWrittenFor(corpus, synced.get().indexDir())) {
                index = "saved with the synced corpus";
            } else if (synced.isPresent()) {
                index = "REBUILT at every start: the index saved in " + synced.get().indexDir() + " does not match "
                        + "the synced corpus; run sync again";
                healthy = false;
            } else {
                index = "built at start (no matching prebuilt index)";
            }
            System.out.println("Index:   " + index + "; loaded in " + (System.nanoTime() - start) / 1_000_000
                    + " ms");
            if (corpus.pages().isEmpty()) {
                System.out.println("         no pages: serve a folder with --docs DIR");
                healthy = false;
            } else {
                int hits = services.search().search("single sign-on", 5, null).hits().size();
                System.out.println("Search:  " + (hits > 0 ? "ok (" + hits + " results for a test query)"
                        : "FAILED: a test query found nothing"));
                healthy &= hits > 0;
            }
        } catch (IOException | RuntimeException e) {
            System.out.println("Corpus:  FAILED: " + e.getMessage());
            healthy = false;
        }
        System.out.println("npm:     " + npmVersion());
        System.out.println(healthy ? "\nAll good." : "\nProblems found (see above).");
        return healthy ? 0 : 1;
    }

    /**
     * What speeds this JVM's start, from its options ({@code jvmArgs}) and {@code java.vm.info} (which says
     * "sharing" when class data is shared): the ahead-of-time cache or class-data sharing archive the self-contained
     * image's launcher passes, or what to do.
     */
    static String startup(java.util.List<String> jvmArgs, String vmInfo) {
        for (String arg : jvmArgs) {
            String cache = arg.startsWith("-XX:SharedArchiveFile=") ? "class-data sharing archive"
                    : arg.startsWith("-XX:AOTCache=") ? "AOT cache" : null;
            if (cache != null) {
                java.nio.file.Path file = java.nio.file.Path.of(arg.substring(arg.indexOf('=') + 1)).normalize();
                return !java.nio.file.Files.isRegularFile(file) ? cache + " " + file
                        + " is missing: unpack the image again"
                        : vmInfo.contains("sharing") ? cache + " " + file + " (in use)"
                        : cache + " " + file + " (not used by this JVM: made for another runtime, or for the jar "
                        + "before it was changed or re-dated)";
            }
        }
        return "no archive of this installation's classes: the self-contained image built with a JDK 25+ (and the "
                + "npm package) starts with an ahead-of-time cache made when it was built, about twice as fast";
    }

    private static String npmVersion() {
        String npm = System.getProperty("os.name", "").toLowerCase().contains("win") ? "npm.cmd" : "npm";
        try {
            Process process = new ProcessBuilder(npm, "--version").redirectErrorStream(true).start();
            process.getOutputStream().close();
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return "did not answer in 15 s";
            }
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return process.exitValue() == 0 ? out + " (available for sync)" : "error: " + out;
        } catch (IOException e) {
            return "not found (needed only to fetch new content with sync --npm)";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }
}
