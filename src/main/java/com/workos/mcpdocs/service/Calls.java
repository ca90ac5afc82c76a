package com.workos.mcpdocs.service;

/**
 * How an answer tells its reader to ask for more: as MCP tool calls for a model ({@code workos_docs {"path":
 * "sso"}}), as commands for a person at a terminal ({@code docs sso}). The services write every such pointer through
 * this, so one answer never speaks to the wrong reader.
 */
public interface Calls {

    /** Reads a page (a placeholder when {@code path} is {@code null}), or one section of it in one language. */
    String docs(String path, String section, String language);

    /** Lists every page under {@code folder} (a placeholder when {@code null}), also when it has a page of its own. */
    String listPages(String folder);

    /** Searches the docs (for {@code words}, or a placeholder when {@code null}). */
    String search(String words);

    /** Reads one package's changelog (a placeholder when {@code null}). */
    String changelog(String pkg);

    /** How to ask for another language of the API reference. */
    String languageOption();

    /** The calls an MCP client's model makes. */
    Calls TOOLS = new Calls() {
        @Override
        public String docs(String path, String section, String language) {
            return "workos_docs {\"path\": " + json(path == null ? "<path>" : path)
                    + (section == null || section.isEmpty() ? "" : ", \"section\": " + json(section))
                    + (language == null || language.isEmpty() ? "" : ", \"language\": " + json(language)) + "}";
        }

        @Override
        public String listPages(String folder) {
            return "workos_docs {\"path\": " + json((folder == null ? "<path>" : folder) + "/*") + "}";
        }

        @Override
        public String search(String words) {
            return words == null ? "workos_search" : "workos_search {\"query\": " + json(words) + "}";
        }

        @Override
        public String changelog(String pkg) {
            return "workos_changelogs {\"package\": " + json(pkg == null ? "<package>" : pkg) + "}";
        }

        @Override
        public String languageOption() {
            return "pass `language`";
        }
    };

    /** The commands a person types (after the program's name). */
    Calls COMMANDS = new Calls() {
        @Override
        public String docs(String path, String section, String language) {
            return "docs" + (path == null ? " PATH" : path.isEmpty() ? "" : " " + word(path)) + (section == null || section.isEmpty() ? "" : " --section " + word(section))
                    + (language == null || language.isEmpty() ? "" : " --language " + word(language));
        }

        @Override
        public String listPages(String folder) {
            return "docs " + (folder == null ? "'PATH/*'" : word(folder + "/*"));
        }

        @Override
        public String search(String words) {
            return "search " + (words == null ? "WORDS" : word(words));
        }

        @Override
        public String changelog(String pkg) {
            return "changelog " + (pkg == null ? "PACKAGE" : word(pkg));
        }

        @Override
        public String languageOption() {
            return "use --language";
        }
    };

    /** A JSON string literal. */
    static String json(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                default -> out.append(c);
            }
        }
        return out.append('"').toString();
    }

    /** A shell word: as is when it is plain, else in single quotes. */
    static String word(String value) {
        if (!value.isEmpty() && value.matches("[A-Za-z0-9_./:@%+=,-]+")) {
            return value;
        }
        return "'" + value.replace("'", "'\\''") + "'";
    }
}
