package com.workos.mcpdocs.mcp;

import com.workos.mcpdocs.corpus.CorpusInfo;
import com.workos.mcpdocs.service.Services;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.spec.McpSchema.ServerCapabilities;
import io.modelcontextprotocol.spec.McpServerTransportProvider;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Builds the MCP server over the services: its identity, instructions, capabilities and tools. */
public final class DocsMcpServer {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(DocsMcpServer.class);

    public static final String NAME = Handshake.NAME;

    private DocsMcpServer() {
    }

    /** A server on the given transport; it starts serving as soon as it is built. */
    public static McpSyncServer create(Services services, McpServerTransportProvider transport) {
        return create(() -> services, services.corpus().info(), transport);
    }

    /**
     * A server whose every call asks {@code current} for the services, so a reloaded corpus is picked up and a
     * corpus still loading is waited for; {@code corpus} describes it without loading it. The pages join the
     * resource list after the first tool call, or two seconds.
     */
    public static McpSyncServer create(Supplier<Services> current, CorpusInfo corpus,
                                       McpServerTransportProvider transport) {
        return create(current, corpus, transport, null);
    }

    /**
     * As {@link #create(Supplier, CorpusInfo, McpServerTransportProvider)}, the pages joining the resource list once
     * {@code quiet} returns (a wait for a time with no request; false: never), or after the first tool call or two
     * seconds when it is {@code null}.
     */
    public static McpSyncServer create(Supplier<Services> current, CorpusInfo corpus,
                                       McpServerTransportProvider transport, BooleanSupplier quiet) {
        Handshake handshake = Handshake.of(corpus);
        DocsResources resources = new DocsResources(current);
        DocsPrompts prompts = new DocsPrompts(current);
        CountDownLatch firstCall = new CountDownLatch(1);
        List<McpServerFeatures.SyncToolSpecification> tools = new DocsTools(current).all().stream()
                .map(t -> new McpServerFeatures.SyncToolSpecification(t.tool(), (exchange, request) -> {
                    try {
                        return t.callHandler().apply(exchange, request);
                    } finally {
                        firstCall.countDown();
                    }
                }))
                .toList();
        McpSyncServer server = McpServer.sync(transport)
                .serverInfo(handshake.name(), handshake.version())
                .instructions(handshake.instructions())
                .capabilities(capabilities())
                .jsonMapper(McpJsonDefaults.getMapper())
                .validateToolInputs(false)
                // Calls run on the thread that read them: a search takes about a millisecond, and handing it to
                // another thread and back cost 0.2-0.5 ms of a stdio round trip (p50) and more at p90 (measured).
                .immediateExecution(true)
                .jsonSchemaValidator(new OwnOutputValidator())
                .requestTimeout(Duration.ofSeconds(30))
                .tools(tools)
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
        // Listing every page needs the corpus, which may still be loading: the pages are added as resources once it
        // is there, so initialize does not wait for it (reads through the template wait on their own). Adding 528
        // of them takes about 30 ms, which on two cores slowed the calls made meanwhile: it waits for a quiet time,
        // else the first tool call goes first and the list follows it, or two seconds, whichever comes sooner.
        Thread lister = new Thread(() -> {
            try {
                if (quiet == null) {
                    firstCall.await(2, TimeUnit.SECONDS);
                } else if (!quiet.getAsBoolean()) {
                    return;
                }
                for (var resource : resources.all()) {
                    server.addResource(new McpServerFeatures.SyncResourceSpecification(resource,
                            (exchange, request) -> resources.read(request.uri())));
                }
            } catch (RuntimeException e) {
                log.warn("Pages are not listed as resources: {}", e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "resource-lister");
        lister.setDaemon(true);
        lister.start();
        return server;
    }

    /**
     * Writes one tool result (text and structured content, as a search answers) the way the stdio transport writes
     * answers (to UTF-8 bytes), and throws it away: the first real answer then finds the serializers set up (a few
     * tens of milliseconds on a cold JVM). The tool list is not written ahead: the client asks for it while this
     * runs, and writing it here as well made it later (measured).
     */
    public static void prepareAnswers(McpJsonMapper json) {
        Map<String, Object> hit = new LinkedHashMap<>();
        for (String key : List.of("path", "title", "heading", "anchor", "url", "snippet", "docsCall")) {
            hit.put(key, key);
        }
        hit.put("score", 1.0);
        CallToolResult result = CallToolResult.builder().addTextContent("prepared")
                .structuredContent(Map.of("results", List.of(hit), "suggestions", List.of())).build();
        try {
            json.writeValueAsBytes(new McpSchema.JSONRPCResponse(McpSchema.JSONRPC_VERSION, 0, result, null));
        } catch (java.io.IOException | RuntimeException e) {
            log.debug("Could not prepare the answers' serializers: {}", e.toString());
        }
    }

    /** What both transports offer: tools, resources (pages, changelogs), prompts, completions and logging. */
    static ServerCapabilities capabilities() {
        return ServerCapabilities.builder().tools(false).resources(false, false).prompts(false).completions()
                .logging().build();
    }
}
