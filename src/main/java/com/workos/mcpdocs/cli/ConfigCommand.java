package com.workos.mcpdocs.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code config CLIENT}: the configuration to paste into an MCP client, with this installation's paths. */
@Command(name = "config", mixinStandardHelpOptions = true,
        description = "Print the ready-to-paste MCP configuration for a client, with this installation's absolute "
                + "paths.",
        footer = {"", "Examples:", "  workos-mcp-docs-server config claude-code", "  workos-mcp-docs-server config cursor"})
final class ConfigCommand implements Callable<Integer> {

    enum Client { CLAUDE_CODE, CLAUDE_DESKTOP, CURSOR, VSCODE, WINDSURF }

    @Parameters(paramLabel = "CLIENT", description = "One of: claude-code, claude-desktop, cursor, vscode, windsurf.",
            converter = ClientConverter.class)
    Client client;

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
        System.out.print(render(client, command()));
        return 0;
    }

    /** How to start this installation: the launcher next to the jar when there is one, else java -jar. */
    static List<String> command() {
        Path jar = Installation.jar();
        if (jar != null) {
            for (Path launcher : List.of(jar.resolveSibling("workos-mcp-docs-server"),
                    jar.getParent().resolveSibling("bin").resolve("workos-mcp-docs-server"))) {
                if (Files.isExecutable(launcher) && !isWindows()) {
                    return List.of(launcher.toAbsolutePath().normalize().toString());
                }
            }
            return List.of(Installation.javaExecutable(), "-jar", jar.toString());
        }
        return List.of("java", "-jar", "/ABSOLUTE/PATH/TO/workos-mcp-docs-server.jar");
    }

    static String render(Client client, List<String> command) {
        String exe = command.get(0);
        List<String> args = command.subList(1, command.size());
        String jsonArgs = "[" + String.join(", ", args.stream().map(ConfigCommand::quote).toList()) + "]";
        return switch (client) {
            case CLAUDE_CODE -> "claude mcp add workos-docs -- " + String.join(" ", command.stream()
                    .map(ConfigCommand::shellQuote).toList()) + "\n";
            case VSCODE -> """
                    // .vscode/mcp.json (or your user settings' "mcp" section)
                    {
                      "servers": {
                        "workos-docs": {
                          "type": "stdio",
                          "command": %s,
                          "args": %s
                        }
                      }
                    }
                    """.formatted(quote(exe), jsonArgs);
            case CLAUDE_DESKTOP, CURSOR, WINDSURF -> """
                    // %s
                    {
                      "mcpServers": {
                        "workos-docs": {
                          "command": %s,
                          "args": %s
                        }
                      }
                    }
                    """.formatted(configFile(client), quote(exe), jsonArgs);
        };
    }

    private static String configFile(Client client) {
        return switch (client) {
            case CLAUDE_DESKTOP -> "claude_desktop_config.json (Settings > Developer > Edit Config)";
            case CURSOR -> "~/.cursor/mcp.json (or .cursor/mcp.json in a project)";
            case WINDSURF -> "~/.codeium/windsurf/mcp_config.json";
            default -> "";
        };
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String shellQuote(String s) {
        return s.matches("[A-Za-z0-9_./:=@-]+") ? s : "'" + s.replace("'", "'\\''") + "'";
    }

    private static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("win");
    }
}
