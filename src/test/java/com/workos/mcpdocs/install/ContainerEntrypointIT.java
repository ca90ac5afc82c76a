package com.workos.mcpdocs.install;

import static org.assertj.core.api.Assertions.assertThat;

import com.workos.mcpdocs.RealCorpus;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * The container as the README runs it, without a Docker engine: the Dockerfile's run stage read for what it copies
 * to where, its user, environment, entrypoint and command; the README's {@code docker run} line read for the
 * environment it passes; then that command line started with that environment on the unpacked self-contained image
 * (which the Dockerfile copies into /app), and an MCP client calls it with the README's token.
 */
class ContainerEntrypointIT {

    @TempDir
    Path dir;

    @Test
    void theReadmesDockerRunServesMcpOverHttpWithItsToken() throws Exception {
        // The search it makes through the published port needs the corpus the build embeds (with npm).
        RealCorpus.assumePresent();
        String dockerfile = Files.readString(Path.of("Dockerfile"));
        String runStage = dockerfile.substring(dockerfile.lastIndexOf("\nFROM "));
        assertThat(runStage).as("the run stage starts from a slim base").containsPattern("FROM [^\\n]*slim");
        Matcher user = Pattern.compile("\\nUSER (\\S+)").matcher(runStage);
        assertThat(user.find()).as("the run stage names a user").isTrue();
        assertThat(user.group(1)).isNotIn("0", "root");
        Matcher copy = Pattern.compile("\\nCOPY --from=build (\\S+) (\\S+)").matcher(runStage);
        assertThat(copy.find()).isTrue();
        String appDir = copy.group(2);

        Map<String, String> env = new HashMap<>();
        Matcher envLine = Pattern.compile("\\nENV (\\S+)=(\\S+)").matcher(runStage);
        while (envLine.find()) {
            env.put(envLine.group(1), envLine.group(2).replace("/tmp/", dir + "/"));
        }
        String readme = Files.readString(Path.of("README.md"));
        Matcher run = Pattern.compile("docker run ([^`\\n]*)").matcher(readme);
        assertThat(run.find()).as("the README has a docker run line").isTrue();
        String token = null;
        Matcher option = Pattern.compile("-e (\\w+)=(\\S+)").matcher(run.group(1));
        while (option.find()) {
            env.put(option.group(1), option.group(2));
            if (option.group(1).endsWith("TOKEN")) {
                token = option.group(2);
            }
        }
        assertThat(token).as("the docker run line passes a token").isNotNull();
        String bearer = token;
        Matcher published = Pattern.compile("-p (\\d+):(\\d+)").matcher(run.group(1));
        assertThat(published.find()).isTrue();

        List<String> command = new ArrayList<>(json(runStage, "ENTRYPOINT"));
        command.addAll(json(runStage, "CMD"));
        // The container's own network: the port it listens on (the command's, the one docker run publishes) is
        // replaced by a free one of this machine.
        assertThat(command).contains(published.group(2));
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        command.replaceAll(arg -> arg.equals(published.group(2)) ? String.valueOf(port) : arg);
        Path image = unpack();
        command.set(0, command.get(0).replace(appDir, image.toString()));
        env.put("PATH", Dist.pathWith(dir.resolve("usr-bin"), "readlink").toString());

        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("server.log").toFile());
        builder.environment().clear();
        builder.environment().putAll(env);
        Process server = builder.start();
        try {
            waitForHealth(port, server);
            McpSyncClient client = McpClient.sync(HttpClientStreamableHttpTransport.builder("http://127.0.0.1:" + port)
                            .endpoint("/mcp").jsonMapper(McpJsonDefaults.getMapper())
                            .httpRequestCustomizer((request, method, uri, body, context) ->
                                    request.header("Authorization", "Bearer " + bearer))
                            .build())
                    .requestTimeout(Duration.ofSeconds(60)).build();
            client.initialize();
            McpSchema.CallToolResult result = client.callTool(new McpSchema.CallToolRequest("workos_search",
                    Map.of("query", "sso")));
            assertThat(result.isError()).isNotEqualTo(Boolean.TRUE);
            client.closeGracefully();
            // As a request through the published port arrives: its Host names the port docker run publishes.
            assertThat(post(port, "localhost:" + published.group(1), bearer))
                    .startsWith("HTTP/1.1 200").contains("\"serverInfo\"");
        } finally {
            server.destroy();
            server.waitFor(20, TimeUnit.SECONDS);
            server.destroyForcibly();
        }
    }

    /** An initialize request with the given Host header, written by hand (Java's HTTP client sets its own Host). */
    private static String post(int port, String host, String token) throws Exception {
        String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
                + "\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"it\",\"version\":\"1\"}}}";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /mcp HTTP/1.1\r\nHost: " + host + "\r\nAuthorization: Bearer " + token
                    + "\r\nContent-Type: application/json\r\nAccept: application/json, text/event-stream\r\n"
                    + "Content-Length: " + bytes.length + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            out.write(bytes);
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static List<String> json(String stage, String instruction) {
        Matcher line = Pattern.compile("\\n" + instruction + " (\\[.*])").matcher(stage);
        assertThat(line.find()).as(instruction + " in the exec form").isTrue();
        List<String> values = new ArrayList<>();
        JsonMapper.builder().build().readTree(line.group(1)).forEach(value -> values.add(value.asString()));
        return values;
    }

    private void waitForHealth(int port, Process server) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            assertThat(server.isAlive()).as(() -> log()).isTrue();
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/healthz")).build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no answer on /healthz: " + log());
    }

    private String log() {
        try {
            return Files.readString(dir.resolve("server.log"));
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }

    private Path unpack() throws Exception {
        Path tarball = Dist.require("self-contained image", name -> name.startsWith("workos-mcp-docs-server-")
                && name.endsWith(".tar.gz"));
        Path into = Files.createDirectories(dir.resolve("app"));
        Dist.Run untar = Dist.run(List.of("tar", "-xzf", tarball.toString(), "-C", into.toString(),
                "--strip-components=1"), Map.of("PATH", System.getenv("PATH")), dir);
        assertThat(untar.code()).as(untar.err()).isZero();
        return into;
    }
}
