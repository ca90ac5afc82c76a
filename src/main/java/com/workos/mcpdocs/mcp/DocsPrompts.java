package com.workos.mcpdocs.mcp;

import com.workos.mcpdocs.render.Languages;
import com.workos.mcpdocs.search.SearchHit;
import com.workos.mcpdocs.service.Services;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.GetPromptResult;
import io.modelcontextprotocol.spec.McpSchema.Prompt;
import io.modelcontextprotocol.spec.McpSchema.PromptArgument;
import io.modelcontextprotocol.spec.McpSchema.PromptMessage;
import io.modelcontextprotocol.spec.McpSchema.Role;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * Prompts a user picks in their MCP client: each becomes a first message that tells the model which docs to read
 * (found with the search index now, so the model starts from the right pages) and what to produce.
 * Transport-independent: the stdio and HTTP servers adapt these.
 */
public final class DocsPrompts {

    public static final String INTEGRATION_PLAN = "workos_integration_plan";
    public static final String TROUBLESHOOT = "workos_troubleshoot";
    private static final int MAX_ARGUMENT = 1_000;
    private static final int RELATED_PAGES = 5;

    private final Supplier<Services> current;

    /** Other names clients send for the prompts' arguments, mapped to the argument they mean. */
    private static final Map<String, String> OTHER_NAMES = Map.of("lang", "language", "sdk", "language",
            "error", "problem", "message", "problem");

    /**
     * A prompt and the function that fills it in from the request's arguments. An argument name the prompt does not
     * declare (nor a common other name of one) is an invalid-params error naming the accepted ones.
     */
    public record PromptDefinition(Prompt prompt, BiFunction<DocsPrompts, Map<String, Object>, GetPromptResult> fill) {

        public PromptDefinition {
            BiFunction<DocsPrompts, Map<String, Object>, GetPromptResult> unchecked = fill;
            List<String> accepted = prompt.arguments().stream().map(PromptArgument::name).toList();
            Map<String, String> otherNames = new java.util.HashMap<>();
            OTHER_NAMES.forEach((other, name) -> {
                if (accepted.contains(name)) {
                    otherNames.put(other, name);
                }
            });
            fill = (prompts, args) -> {
                Map<String, Object> named;
                try {
                    named = Arguments.checked(prompt.name(), args, accepted, otherNames).values();
                } catch (IllegalArgumentException e) {
                    throw McpError.builder(McpSchema.ErrorCodes.INVALID_PARAMS).message(e.getMessage()).build();
                }
                return unchecked.apply(prompts, named);
            };
        }
    }

    public DocsPrompts(Supplier<Services> current) {
        this.current = current;
    }

    public List<PromptDefinition> all() {
        return List.of(
                new PromptDefinition(new Prompt(INTEGRATION_PLAN, "Plan a WorkOS integration",
                        "A step-by-step plan to add a WorkOS feature (SSO, AuthKit, Directory Sync, MFA, Audit "
                                + "Logs...) to an application in a given language and framework, grounded in the docs.",
                        List.of(new PromptArgument("feature", "Feature",
                                        "The WorkOS feature, e.g. 'SSO with SAML' or 'Directory Sync'", true),
                                new PromptArgument("language", "Language",
                                        "Programming language or SDK, e.g. node, python, ruby, go, java", false),
                                new PromptArgument("framework", "Framework",
                                        "Web framework, e.g. Next.js, Express, Django, Rails, Spring Boot", false))),
                        DocsPrompts::integrationPlan),
                new PromptDefinition(new Prompt(TROUBLESHOOT, "Troubleshoot a WorkOS error",
                        "Find the cause of a WorkOS error message or unexpected behaviour and how to fix it, from "
                                + "the docs.",
                        List.of(new PromptArgument("problem", "Problem",
                                "The error message or what goes wrong", true))),
                        DocsPrompts::troubleshoot));
    }

    /**
     * Completions for a prompt argument: for {@code language}, the languages the docs have code or an SDK reference
     * in; nothing for free text.
     */
    public McpSchema.CompleteResult complete(String argument, String prefix) {
        List<String> values = List.of();
        if ("language".equals(argument)) {
            String p = prefix == null ? "" : prefix.toLowerCase(Locale.ROOT);
            Services services = current.get();
            java.util.Set<String> known = new java.util.LinkedHashSet<>(services.api().languages());
            known.addAll(services.examples().languages());
            values = known.stream().filter(l -> l.toLowerCase(Locale.ROOT).startsWith(p)).toList();
        }
        return new McpSchema.CompleteResult(new McpSchema.CompleteResult.CompleteCompletion(values, values.size(),
                false));
    }

    private GetPromptResult integrationPlan(Map<String, Object> args) {
        String feature = argument(args, "feature", true);
        String language = argument(args, "language", false);
        String framework = argument(args, "framework", false);
        String stack = (language == null ? "" : language) + (framework == null ? "" : " with " + framework);
        String text = "Plan how to add WorkOS " + feature + " to my application"
                + (stack.isBlank() ? "" : " (" + stack.strip() + ")") + ".\n\n"
                + "Use the WorkOS docs tools: read the pages below with workos_docs, search with workos_search for "
                + "anything missing (SDK method names, redirect URIs, webhooks/events), and " + code(language)
                + ".\n\n"
                + related(feature) + "\n"
                + "Then write the plan: prerequisites and dashboard configuration, environment variables, each code "
                + "change with the exact SDK calls, how to test it locally, and what to check before production. "
                + "Cite the docs URL for every step and do not invent API names that the docs do not show.";
        return result("Integration plan for " + feature, text);
    }

    /**
     * Where to find code in {@code language}: only the tools and languages that have it, so the model is never sent
     * after examples that do not exist.
     */
    private String code(String language) {
        Services services = current.get();
        List<String> exampleLanguages = services.examples().languages();
        if (language == null) {
            return exampleLanguages.isEmpty() ? "look up SDK calls with workos_api"
                    : "look at code with workos_examples";
        }
        if (services.examples().hasLanguage(language)) {
            return "look at code with workos_examples (language: " + language + ")";
        }
        String reference = Languages.canonical(language);
        boolean documented = services.api().languages().contains(reference);
        String sdk = documented ? "look up the " + Languages.label(reference) + " SDK calls with workos_api or "
                + "workos_docs (language: " + reference + ")" : "note that the API reference has no " + language
                + " SDK (its languages: " + String.join(", ", services.api().languages()) + "), so use its HTTP "
                + "form (workos_api)";
        return sdk + (exampleLanguages.isEmpty() ? "" : "; workos_examples has no " + language + " code (its "
                + "languages: " + String.join(", ", exampleLanguages) + ")");
    }

    private GetPromptResult troubleshoot(Map<String, Object> args) {
        String problem = argument(args, "problem", true);
        String text = "I have a problem with WorkOS:\n\n> " + problem.replace("\n", "\n> ") + "\n\n"
                + related(problem) + "\n"
                + "Read the relevant pages with workos_docs (and search with workos_search if they do not cover "
                + "it), then explain the most likely causes, how to confirm each one, and the fix, citing the docs.";
        return result("Troubleshooting: " + abbreviate(problem), text);
    }

    /** The best pages for {@code query} right now, so the model starts reading the right ones. */
    private String related(String query) {
        List<SearchHit> hits;
        try {
            // hits are sections: several may come from one page, which is listed once
            hits = current.get().search().search(query, RELATED_PAGES * 3, null).hits();
        } catch (com.workos.mcpdocs.service.CorpusUnavailableException e) {
            return e.getMessage() + "\n";
        }
        if (hits.isEmpty()) {
            return "The docs search found no page for this directly; start with workos_search.\n";
        }
        StringBuilder out = new StringBuilder("Pages that look relevant:\n");
        java.util.Set<String> listed = new java.util.HashSet<>();
        for (SearchHit hit : hits) {
            if (listed.size() == RELATED_PAGES || !listed.add(hit.path())) {
                continue;
            }
            out.append("- ").append(hit.path()).append(" (").append(hit.title()).append(") ").append(hit.url())
                    .append('\n');
        }
        return out.toString();
    }

    private static String argument(Map<String, Object> args, String name, boolean required) {
        try {
            return new Arguments(args).string(name, required, MAX_ARGUMENT);
        } catch (IllegalArgumentException e) {
            throw McpError.builder(McpSchema.ErrorCodes.INVALID_PARAMS).message(e.getMessage()).build();
        }
    }

    private static GetPromptResult result(String description, String text) {
        return new GetPromptResult(description, List.of(new PromptMessage(Role.USER, new TextContent(text))));
    }

    private static String abbreviate(String s) {
        String line = s.strip().lines().findFirst().orElse("");
        return line.length() > 60 ? line.substring(0, 60) + "..." : line;
    }
}
