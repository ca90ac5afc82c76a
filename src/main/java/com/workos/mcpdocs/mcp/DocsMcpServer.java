package com.workos.mcpdocs.mcp;

import com.workos.mcpdocs.corpus.CorpusInfo;
import com.workos.mcpdocs.mcp.DocsPrompts.PromptDefinition;
import com.workos.mcpdocs.mcp.DocsTools.ToolDefinition;
import com.workos.mcpdocs.service.CorpusUnavailableException;
import com.workos.mcpdocs.service.Services;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.server.McpStatelessServerFeatures;
import io.modelcontextprotocol.server.McpStatelessSyncServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CompleteRequest;
import io.modelcontextprotocol.spec.McpSchema.CompleteResult;
import io.modelcontextprotocol.spec.McpSchema.ServerCapabilities;
import io.modelcontextprotocol.spec.McpServerTransportProvider;
import io.modelcontextprotocol.spec.McpStatelessServerTransport;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The MCP server: its surface (identity, tools, resources, prompts, completions) declared once in {@link Surface},
 * and adapted by the two small methods below to the SDK's two families of specification types, the stateful ones
 * (stdio, one client per session) and the stateless ones (Streamable HTTP, any replica answers any request). The
 * SDK has no common type for the two, so only the adapters know them.
 */
public final class DocsMcpServer {

    public static final String NAME = Handshake.NAME;
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(DocsMcpServer.class);

    private DocsMcpServer() {
    }

    /** A server on the given transport; it starts serving as soon as it is built. */
    public static McpSyncServer create(Services services, McpServerTransportProvider transport) {
        return create(() -> services, services.corpus().info(), transport);
    }

    /**
     * A stateful server on {@code transport} whose every call asks {@code current} for the services, so a reloaded
     * corpus is picked up; {@code corpus} is what the handshake describes.
     */
    public static McpSyncServer create(Supplier<Services> current, CorpusInfo corpus,
                                       McpServerTransportProvider transport) {
        Surface surface = Surface.of(current, corpus);
        return McpServer.sync(transport)
                .serverInfo(surface.handshake().name(), surface.handshake().version())
                .instructions(surface.handshake().instructions())
                .capabilities(CAPABILITIES)
                .jsonMapper(McpJsonDefaults.getMapper())
                .validateToolInputs(false)
                .jsonSchemaValidator(new NoOutputValidation())
                // A call takes about a millisecond: handing it to another thread and back costs more than that.
                .immediateExecution(true)
                .requestTimeout(TIMEOUT)
                .tools(syncTools(surface.tools()))
                .resources(surface.resources().stream()
                        .map(r -> new McpServerFeatures.SyncResourceSpecification(r,
                                (exchange, request) -> surface.reader().read(request.uri())))
                        .toList())
                .resourceTemplates(new McpServerFeatures.SyncResourceTemplateSpecification(
                        surface.reader().pageTemplate(), (exchange, request) -> surface.reader().read(request.uri())))
                .prompts(surface.prompts().stream()
                        .map(p -> new McpServerFeatures.SyncPromptSpecification(p.prompt(),
                                (exchange, request) -> p.fill().apply(surface.prompter(), request.arguments())))
                        .toList())
                .completions(surface.completions().stream()
                        .map(c -> new McpServerFeatures.SyncCompletionSpecification(c.reference(),
                                (exchange, request) -> c.complete().apply(request)))
                        .toList())
                .build();
    }

    /**
     * A stateless server on {@code transport} (Streamable HTTP); every call asks {@code current} for the services.
     * The transport is wrapped by {@link StatelessTransportExtensions} for what the SDK's stateless server lacks.
     */
    public static McpStatelessSyncServer createStateless(Supplier<Services> current,
                                                         McpStatelessServerTransport transport) {
        Surface surface = Surface.of(current, current.get().corpus().info());
        return McpServer.sync(new StatelessTransportExtensions(transport, surface.reader()))
                .serverInfo(surface.handshake().name(), surface.handshake().version())
                .instructions(surface.handshake().instructions())
                .capabilities(CAPABILITIES)
                .jsonMapper(McpJsonDefaults.getMapper())
                .validateToolInputs(false)
                .jsonSchemaValidator(new NoOutputValidation())
                // The servlet thread waits for the answer anyway: running the call on it saves a hand-off per call.
                .immediateExecution(true)
                .requestTimeout(TIMEOUT)
                .tools(surface.tools().stream()
                        .map(d -> new McpStatelessServerFeatures.SyncToolSpecification(d.tool(),
                                (context, request) -> d.handler().apply(request.arguments())))
                        .toList())
                .resources(surface.resources().stream()
                        .map(r -> new McpStatelessServerFeatures.SyncResourceSpecification(r,
                                (context, request) -> surface.reader().read(request.uri())))
                        .toList())
                .resourceTemplates(new McpStatelessServerFeatures.SyncResourceTemplateSpecification(
                        surface.reader().pageTemplate(), (context, request) -> surface.reader().read(request.uri())))
                .prompts(surface.prompts().stream()
                        .map(p -> new McpStatelessServerFeatures.SyncPromptSpecification(p.prompt(),
                                (context, request) -> p.fill().apply(surface.prompter(), request.arguments())))
                        .toList())
                .completions(surface.completions().stream()
                        .map(c -> new McpStatelessServerFeatures.SyncCompletionSpecification(c.reference(),
                                (context, request) -> c.complete().apply(request)))
                        .toList())
                .build();
    }

    /** The tools as specifications for a stateful sync server (also for programs that add them to their own). */
    public static List<McpServerFeatures.SyncToolSpecification> syncTools(List<ToolDefinition> tools) {
        return tools.stream()
                .map(d -> McpServerFeatures.SyncToolSpecification.builder()
                        .tool(d.tool())
                        .callHandler((exchange, request) -> d.handler().apply(request.arguments()))
                        .build())
                .toList();
    }

    /** What both transports offer: tools, resources (pages, changelogs), prompts, completions and logging. */
    static final ServerCapabilities CAPABILITIES = ServerCapabilities.builder().tools(false).resources(false, false)
            .prompts(false).completions().logging().build();

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** A completion: what it completes (a prompt argument, a resource template's variable) and how. */
    record Completion(McpSchema.CompleteReference reference, Function<CompleteRequest, CompleteResult> complete) {
    }

    /**
     * Everything a client can see and call, with handlers that take the request's plain values and know no
     * transport.
     *
     * @param resources every page and changelog (none when the corpus is unavailable: the tools then say why)
     */
    record Surface(Handshake handshake, List<ToolDefinition> tools, DocsResources reader,
                   List<McpSchema.Resource> resources, DocsPrompts prompter, List<PromptDefinition> prompts,
                   List<Completion> completions) {

        static Surface of(Supplier<Services> current, CorpusInfo corpus) {
            DocsResources resources = new DocsResources(current);
            DocsPrompts prompts = new DocsPrompts(current);
            List<Completion> completions = List.of(
                    new Completion(new McpSchema.ResourceReference(DocsResources.PAGE_TEMPLATE),
                            request -> resources.completePath(request.argument().value())),
                    new Completion(new McpSchema.PromptReference(DocsPrompts.INTEGRATION_PLAN),
                            request -> prompts.complete(request.argument().name(), request.argument().value())));
            return new Surface(Handshake.of(corpus), new DocsTools(current).definitions(), resources,
                    listed(resources), prompts, prompts.all(), completions);
        }

        private static List<McpSchema.Resource> listed(DocsResources resources) {
            try {
                return resources.all();
            } catch (CorpusUnavailableException e) {
                return List.of();
            } catch (RuntimeException e) {
                // A page the list cannot describe must not keep the server from starting: its tools still work.
                log.warn("The pages are not listed as resources: {}", e.toString());
                return List.of();
            }
        }
    }
}
