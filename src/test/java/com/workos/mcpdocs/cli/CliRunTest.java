package com.workos.mcpdocs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.workos.mcpdocs.McpTestServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The command line run as a person runs it, in its own JVM with its output piped (as into a file or another
 * program): what it prints on stdout and stderr, and its exit code.
 */
class CliRunTest {

    record Run(int code, String out, String err) {
    }

    static Run run(Map<String, String> environment, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                "com.workos.mcpdocs.cli.Main"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(environment);
        Path err = java.nio.file.Files.createTempFile("cli-err", ".txt");
        builder.redirectError(err.toFile());
        Process process = builder.start();
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String stderr = java.nio.file.Files.readString(err);
        java.nio.file.Files.delete(err);
        return new Run(process.exitValue(), out, stderr);
    }

    static Run run(String... args) throws IOException, InterruptedException {
        return run(Map.of(), args);
    }

    private static String docs() {
        return "--docs=" + McpTestServer.fixtureDir();
    }

    @Test
    void searchSpeaksToAPersonInPlainTextAndLogsNothing() throws Exception {
        Run search = run("search", docs(), "wildcard", "redirect");
        assertThat(search.code()).isZero();
        assertThat(search.out()).contains("1. Redirect URIs")
                .contains("read: docs sso/redirect-uris --section wildcard-characters")
                .doesNotContain("**").doesNotContain("`").doesNotContain("workos_docs").doesNotContain("\u001B[");
        assertThat(search.err()).doesNotContain("[INFO]");
    }

    @Test
    void pagesAndAnswersPointAtCommandsNotToolCalls() throws Exception {
        Run page = run("docs", docs(), "reference/authkit/user/create");
        assertThat(page.out()).contains("use --language to switch").doesNotContain("pass `language`");
        Run overview = run("docs", docs());
        assertThat(overview.out()).contains("`docs 'PATH/*'`").doesNotContain("workos_");
        Run api = run("api", docs(), "create_user");
        assertThat(api.out()).contains("Whole page: `docs reference/authkit/user/create`")
                .doesNotContain("workos_");
        assertThat(run("changelog", docs()).out()).contains("`changelog PACKAGE`").doesNotContain("workos_");
        assertThat(page.err() + overview.err() + api.err()).doesNotContain("[INFO]");
    }

    @Test
    void limitsAreRefusedAsTheToolsRefuseThem() throws Exception {
        Run tooMany = run("search", docs(), "-n", "1000", "sso");
        assertThat(tooMany.code()).isEqualTo(2);
        assertThat(tooMany.err()).contains("'--max-results' must be between 1 and 50; got 1000.");
        assertThat(run("search", docs(), "-n", "-1", "sso").code()).isEqualTo(2);
        Run none = run("changelog", docs(), "workos-platform", "--limit", "0");
        assertThat(none.code()).isEqualTo(2);
        assertThat(none.err()).contains("'--limit' must be between 1 and 100; got 0.");
        assertThat(none.out()).isEmpty();
    }

    @Test
    void helpKeepsWordsWholeAndDescribesEveryArgument() throws Exception {
        for (String command : List.of("search", "docs", "api", "changelog")) {
            String help = run(command, "--help").out();
            assertThat(help).as(command).doesNotContain("~/.\n").doesNotContain(" e.\n");
            List<String> lines = help.lines().toList();
            for (int i = 0; i < lines.size(); i++) {
                // a parameter on a line of its own must have its description on the next one
                if (lines.get(i).matches(" {6}\\[?[A-Z]+]?(\\.\\.\\.)?")) {
                    assertThat(lines.get(i + 1)).as(command + ": " + lines.get(i)).startsWith("       ");
                }
            }
        }
        assertThat(run("--help").out()).contains("  ~/.local/share/workos-mcp-docs-server");
    }

    @Test
    void colourOnlyAtAConsoleThatWantsIt() {
        assertThat(Terminal.colour(true, Map.of("TERM", "xterm-256color"))).isTrue();
        assertThat(Terminal.colour(true, Map.of("TERM", "dumb"))).isFalse();
        assertThat(Terminal.colour(true, Map.of("NO_COLOR", "1"))).isFalse();
        assertThat(Terminal.colour(false, Map.of())).isFalse();
        assertThat(Terminal.highlight("1. **Title**", false)).isEqualTo("1. Title");
    }

    @Test
    void withoutPagesEveryCommandSaysNoCorpusIsLoaded(@org.junit.jupiter.api.io.TempDir Path empty) throws Exception {
        java.nio.file.Files.createDirectories(empty.resolve("docs"));
        for (String[] command : new String[][] {{"search", "sso"}, {"docs", "sso"}, {"api", "createUser"}}) {
            List<String> args = new ArrayList<>(List.of(command));
            args.add("--docs=" + empty);
            Run run = run(args.toArray(String[]::new));
            assertThat(run.code()).as(command[0]).isEqualTo(1);
            assertThat(run.err()).as(command[0]).contains("No corpus loaded").contains("sync --npm");
            assertThat(run.out()).as(command[0]).doesNotContain("No results");
        }
    }
}
