package com.workos.mcpdocs.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code config CLIENT}: the configuration to paste into an MCP client, for the way this server was installed (the npm
 * package, the self-contained image or a checkout's launcher, the jar) and with the {@code --docs} and
 * {@code --data-dir} it was given. stdout carries only what goes into the client (JSON, or Claude Code's command
 * line), so it can be redirected into the file; where that file is goes to stderr.
 */
@Command(name = "config", mixinStandardHelpOptions = true,
        description = "Print the ready-to-paste MCP configuration for a client, for this installation (npx, the "
                + "launcher or java -jar, with absolute paths) and the --docs and --data-dir given with it.",
        footer = {"", "Examples:", "  workos-mcp-docs-server config claude-code",
                "  workos-mcp-docs-server config cursor > ~/.cursor/mcp.json",
                "  workos-mcp-docs-server --docs ./organized config vscode"})
final class ConfigCommand implements Callable<Integer> {

    /** Set by the npm package's bin to its package name: the configuration then runs it with npx. */
    static final String NPM_PACKAGE_ENV = "WORKOS_DOCS_NPM_PACKAGE";

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    enum Client { CLAUDE_CODE, CLAUDE_DESKTOP, CURSOR, VSCODE, WINDSURF }

    @Parameters(paramLabel = "CLIENT", description = "One of: claude-code, claude-desktop, cursor, vscode, windsurf.",
            converter = ClientConverter.class)
    Client client;

    @ParentCommand
    Main parent;

    static final class ClientConverter implements picocli.CommandLine.ITypeConverter<Client> {
        @Override
        public Client convert(String value) {
            try {
                return Client.valueOf(value.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException("unknown client '" + value
                        + "'; use one of claude-code, claude-desktop, cursor, vscode, windsurf");
            }
        }
    }

    @Override
    public Integer call() {
        List<String> command = new ArrayList<>(command(System.getenv(), System.getProperty(
                DoctorCommand.LAUNCHER_PROPERTY), Installation.jar(), Installation.javaExecutable()));
        if (parent.docs != null) {
            command.addAll(List.of("--docs", parent.docs.toAbsolutePath().normalize().toString()));
        }
        if (parent.dataDir != null) {
            command.addAll(List.of("--data-dir", parent.dataDir.toAbsolutePath().normalize().toString()));
        }
        String where = configFile(client);
        if (!where.isEmpty()) {
            System.err.println("Paste into " + where + ":");
        }
        System.out.print(render(client, command));
        return 0;
    }

    /**
     * How this installation starts: npx with the npm package that started it, else the launcher that started it
     * ({@code launcher}: its path, passed by the launcher), else the jar with the java running it.
     */
    static List<String> command(Map<String, String> env, String launcher, Path jar, String java) {
        String npmPackage = env.get(NPM_PACKAGE_ENV);
        if (npmPackage != null && !npmPackage.isBlank()) {
            return List.of("npx", "-y", npmPackage);
        }
        if (launcher != null && !launcher.isBlank() && Files.isRegularFile(Path.of(launcher))) {
            return List.of(Path.of(launcher).toAbsolutePath().normalize().toString());
        }
        if (jar != null) {
            return List.of(java, "-jar", jar.toString());
        }
        return List.of("java", "-jar", "/ABSOLUTE/PATH/TO/workos-mcp-docs-server.jar");
    }

    static String render(Client client, List<String> command) {
        String exe = command.get(0);
        List<String> args = command.subList(1, command.size());
        Map<String, Object> server = new java.util.LinkedHashMap<>();
        if (client == Client.VSCODE) {
            server.put("type", "stdio");
        }
        server.put("command", exe);
        server.put("args", args);
        return switch (client) {
            case CLAUDE_CODE -> "claude mcp add workos-docs -- " + String.join(" ", command.stream()
                    .map(ConfigCommand::shellQuote).toList()) + "\n";
            case VSCODE -> json(Map.of("servers", Map.of("workos-docs", server)));
            case CLAUDE_DESKTOP, CURSOR, WINDSURF -> json(Map.of("mcpServers", Map.of("workos-docs", server)));
        };
    }

    private static String json(Object value) {
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(value) + "\n";
    }

    private static String configFile(Client client) {
        return switch (client) {
            case CLAUDE_DESKTOP -> "claude_desktop_config.json (Settings > Developer > Edit Config)";
            case CURSOR -> "~/.cursor/mcp.json (or .cursor/mcp.json in a project)";
            case WINDSURF -> "~/.codeium/windsurf/mcp_config.json";
            case VSCODE -> ".vscode/mcp.json (or your user settings' \"mcp\" section)";
            case CLAUDE_CODE -> "";
        };
    }

    private static String shellQuote(String s) {
        return s.matches("[A-Za-z0-9_./:=@-]+") ? s : "'" + s.replace("'", "'\\''") + "'";
    }
}
