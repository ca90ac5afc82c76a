package com.workos.mcpdocs.mcp;

import com.workos.mcpdocs.corpus.CorpusInfo;
import com.workos.mcpdocs.service.CorpusUnavailableException;
import com.workos.mcpdocs.service.Services;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.ServerCapabilities;
import io.modelcontextprotocol.spec.McpServerTransportProvider;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/** Builds the MCP server over the services: its identity, instructions, capabilities and tools. */
public final class DocsMcpServer {

    public static final String NAME = Handshake.NAME;

    private DocsMcpServer() {
    }

    /** A server on the given transport; it starts serving as soon as it is built. */
    public static McpSyncServer create(Services services, McpServerTransportProvider transport) {
        return create(() -> services, services.corpus().info(), transport);
    }

    /**
     * A server whose every call asks {@code current} for the services, so a reloaded corpus is picked up;
     * {@code corpus} is what the handshake describes. Every page and changelog is listed as a resource from the
     * start (an empty list when the corpus could not be loaded: the tools then say why).
     */
    public static McpSyncServer create(Supplier<Services> current, CorpusInfo corpus,
                                       McpServerTransportProvider transport) {
        Handshake handshake = Handshake.of(corpus);
        DocsResources resources = new DocsResources(current);
        DocsPrompts prompts = new DocsPrompts(current);
        return McpServer.sync(transport)
                .serverInfo(handshake.name(), handshake.version())
                .instructions(handshake.instructions())
                .capabilities(capabilities())
                .jsonMapper(McpJsonDefaults.getMapper())
                .validateToolInputs(false)
                // A search takes about a millisecond: handing each call to another thread and back would cost more
                // than the call (docs/performance.md).
                .immediateExecution(true)
                .jsonSchemaValidator(new OwnOutputValidator())
                .requestTimeout(Duration.ofSeconds(30))
                .tools(new DocsTools(current).all())
                .resources(listed(resources).stream()
                        .map(r -> new McpServerFeatures.SyncResourceSpecification(r,
                                (exchange, request) -> resources.read(request.uri())))
                        .toList())
                .resourceTemplates(new McpServerFeatures.SyncResourceTemplateSpecification(resources.pageTemplate(),
                        (exchange, request) -> resources.read(request.uri())))
                .prompts(prompts.all().stream()
                        .map(p -> new McpServerFeatures.SyncPromptSpecification(p.prompt(),
                                (exchange, request) -> p.fill().apply(prompts, request.arguments())))
                        .toList())
                .completions(
                        new McpServerFeatures.SyncCompletionSpecification(
                                new McpSchema.ResourceReference(DocsResources.PAGE_TEMPLATE),
                                (exchange, request) -> resources.completePath(request.argument().value())),
                        new McpServerFeatures.SyncCompletionSpecification(
                                new McpSchema.PromptReference(DocsPrompts.INTEGRATION_PLAN),
                                (exchange, request) -> prompts.complete(request.argument().name(),
                                        request.argument().value())))
                .build();
    }

    /** Every resource, or none when the corpus is unavailable (the tools answer why). */
    private static List<McpSchema.Resource> listed(DocsResources resources) {
        try {
            return resources.all();
        } catch (CorpusUnavailableException e) {
            return List.of();
        }
    }

    /** What both transports offer: tools, resources (pages, changelogs), prompts, completions and logging. */
    static ServerCapabilities capabilities() {
        return ServerCapabilities.builder().tools(false).resources(false, false).prompts(false).completions()
                .logging().build();
    }
}
