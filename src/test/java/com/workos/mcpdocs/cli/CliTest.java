package com.workos.mcpdocs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.workos.mcpdocs.McpTestServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** The command line as a person runs it. */
class CliTest {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private record Run(int code, String out) {
    }

    private static Run run(String... args) {
        PrintStream original = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
            int code = Main.commandLine().execute(args);
            return new Run(code, buffer.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(original);
        }
    }

    private static String docs() {
        return "--docs=" + McpTestServer.fixtureDir();
    }

    @Test
    void searchPrintsRankedResultsAndJson() {
        Run text = run("search", docs(), "wildcard", "redirect");
        assertThat(text.code()).isZero();
        assertThat(text.out()).contains("1. Redirect URIs").contains("sso/redirect-uris");
        Run json = run("search", docs(), "--json", "-n", "1", "wildcard");
        assertThat(json.out()).contains("\"path\" : \"sso/redirect-uris\"").contains("\"suggestions\"");
    }

    @Test
    void searchExplainsEachScore() {
        Run explained = run("search", docs(), "--explain", "-n", "2", "saml", "redirect", "uri");
        assertThat(explained.code()).isZero();
        assertThat(explained.out()).contains("1. sso/redirect-uris").contains("page (Lucene)")
                .contains("section (Lucene)").contains("best section x 0.6").contains("weight(");
    }

    @Test
    void docsPrintsPagesAndAnUnknownPathFails() {
        assertThat(run("docs", docs(), "sso/redirect-uris").out()).startsWith("# Redirect URIs");
        assertThat(run("docs", docs()).out()).contains("| Single Sign-On | `sso` |");
        assertThat(run("docs", docs(), "nope/nothing").code()).isEqualTo(1);
    }

    @Test
    void doctorReportsTheCorpus() {
        Run doctor = run("doctor", docs());
        assertThat(doctor.out()).contains("Start:   no archive").contains("Corpus:  folder ").contains("Pages:   ")
                .contains("skipped docs/broken/bad-yaml.mdx");
    }

    @Test
    void doctorSaysWhichArchiveSpeedsTheStart(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        java.nio.file.Path archive = java.nio.file.Files.writeString(dir.resolve("a.jsa"), "archive");
        List<String> launcher = List.of("-XX:+UseSerialGC", "-XX:SharedArchiveFile=" + archive);
        assertThat(DoctorCommand.startup(launcher, "mixed mode, sharing")).isEqualTo("class-data sharing archive "
                + archive + " (in use)");
        assertThat(DoctorCommand.startup(launcher, "mixed mode")).contains("not used by this JVM");
        assertThat(DoctorCommand.startup(List.of("-XX:AOTCache=" + dir.resolve("gone.aot")), "sharing"))
                .startsWith("AOT cache ").contains("is missing");
        assertThat(DoctorCommand.startup(List.of("-Xmx1g"), "mixed mode, sharing")).startsWith("no archive")
                .contains("self-contained image built with a JDK 25+");
    }

    @Test
    void configPrintsEachClientsFormat() {
        List<String> command = List.of("/opt/wmds/bin/workos-mcp-docs-server");
        assertThat(ConfigCommand.render(ConfigCommand.Client.CLAUDE_CODE, command))
                .isEqualTo("claude mcp add workos-docs -- /opt/wmds/bin/workos-mcp-docs-server\n");
        JsonNode cursor = JSON.readTree(ConfigCommand.render(ConfigCommand.Client.CURSOR,
                List.of("/usr/bin/java", "-jar", "/a b/x.jar")));
        assertThat(cursor.at("/mcpServers/workos-docs/command").asString()).isEqualTo("/usr/bin/java");
        assertThat(cursor.at("/mcpServers/workos-docs/args").toString()).isEqualTo("[\"-jar\",\"/a b/x.jar\"]");
        JsonNode vscode = JSON.readTree(ConfigCommand.render(ConfigCommand.Client.VSCODE, command));
        assertThat(vscode.at("/servers/workos-docs/type").asString()).isEqualTo("stdio");
        assertThat(run("config", "emacs").code()).isNotZero();
    }

    @Test
    void configIsTheInstallationsOwnCommand(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        java.nio.file.Path launcher = java.nio.file.Files.writeString(dir.resolve("workos-mcp-docs-server"), "#!/bin/sh");
        java.nio.file.Path jar = dir.resolve("x.jar");
        assertThat(ConfigCommand.command(java.util.Map.of("WORKOS_DOCS_NPM_PACKAGE", "workos-mcp-docs-server-java"),
                launcher.toString(), jar, "/usr/bin/java")).containsExactly("npx", "-y", "workos-mcp-docs-server-java");
        assertThat(ConfigCommand.command(java.util.Map.of(), launcher.toString(), jar, "/usr/bin/java"))
                .containsExactly(launcher.toString());
        assertThat(ConfigCommand.command(java.util.Map.of(), null, jar, "/usr/bin/java"))
                .containsExactly("/usr/bin/java", "-jar", jar.toString());
    }

    /** What a user redirects into the client's file is JSON alone, with the corpus and data folder given. */
    @Test
    void configOutputIsPasteReadyJsonWithTheGivenFolders() {
        Run run = run(docs(), "--data-dir", "target/some-data", "config", "claude-desktop");
        assertThat(run.code()).isZero();
        JsonNode server = JSON.readTree(run.out()).at("/mcpServers/workos-docs");
        List<String> args = new java.util.ArrayList<>();
        server.get("args").forEach(arg -> args.add(arg.asString()));
        assertThat(String.join(" ", args)).endsWith("--docs " + McpTestServer.fixtureDir() + " --data-dir "
                + java.nio.file.Path.of("target/some-data").toAbsolutePath());
    }
}
