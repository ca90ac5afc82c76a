package com.workos.mcpdocs.http;

import com.workos.mcpdocs.mcp.DocsMcpServer;
import com.workos.mcpdocs.service.Services;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.server.McpStatelessSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStatelessServerTransport;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.EnumSet;
import java.util.function.Supplier;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MCP server over Streamable HTTP on embedded Jetty: {@code POST /mcp} (stateless, so replicas scale behind any
 * load balancer) and {@code GET /healthz}. Stopping it lets in-flight calls finish.
 */
public final class DocsHttpServer implements AutoCloseable {

    public static final String MCP_PATH = "/mcp";
    private static final Logger log = LoggerFactory.getLogger(DocsHttpServer.class);
    private static final long STOP_TIMEOUT_MS = 10_000;
    /** Bodies of the largest size that may be collected at once (64 MiB with the default 1 MiB limit). */
    private static final int BODY_BUDGET_BODIES = 64;

    private final Server jetty;
    private final ServerConnector connector;
    private final McpStatelessSyncServer mcp;

    private DocsHttpServer(Server jetty, ServerConnector connector, McpStatelessSyncServer mcp) {
        this.jetty = jetty;
        this.connector = connector;
        this.mcp = mcp;
    }

    /**
     * Starts serving.
     *
     * @throws IllegalArgumentException when the options would expose the server without a token
     * @throws Exception                when Jetty cannot bind
     */
    public static DocsHttpServer start(Supplier<Services> services, HttpOptions options) throws Exception {
        options.check();
        QueuedThreadPool threads = new QueuedThreadPool(200, 8);
        threads.setName("mcp-http");
        Server jetty = new Server(threads);
        HttpConfiguration config = new HttpConfiguration();
        config.setSendServerVersion(false);
        ServerConnector connector = new ServerConnector(jetty, new HttpConnectionFactory(config));
        connector.setHost(options.host());
        connector.setPort(options.port());
        // Idle clients lose their connection; clients that trickle a body are cut off by BodyLoader.
        connector.setIdleTimeout(options.idleTimeout().toMillis());
        jetty.addConnector(connector);

        HttpServletStatelessServerTransport transport = HttpServletStatelessServerTransport.builder()
                .jsonMapper(McpJsonDefaults.getMapper())
                .messageEndpoint(MCP_PATH)
                .maxRequestSize(options.maxBodyBytes())
                .securityValidator(new HostAndOrigin(options, connector::getLocalPort))
                .build();
        McpStatelessSyncServer mcp = DocsMcpServer.createStateless(services, transport);

        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        context.addServlet(new ServletHolder("mcp", transport), MCP_PATH);
        context.addServlet(new ServletHolder("health", new HealthServlet()), "/healthz");
        context.addFilter(new FilterHolder(new RequestGuard(options)), MCP_PATH, EnumSet.of(DispatcherType.REQUEST));
        context.setErrorHandler(new JsonErrorHandler());

        BodyLoader bodies = new BodyLoader(context, options.maxBodyBytes(), options.idleTimeout(),
                BODY_BUDGET_BODIES * (long) options.maxBodyBytes());
        GracefulHandler graceful = new GracefulHandler(bodies);
        jetty.setHandler(graceful);
        jetty.setStopTimeout(STOP_TIMEOUT_MS);
        jetty.setStopAtShutdown(false);
        jetty.start();
        DocsHttpServer server = new DocsHttpServer(jetty, connector, mcp);
        log.info("MCP over Streamable HTTP at {}{}", server.baseUrl(), MCP_PATH);
        return server;
    }

    /** The bound port (useful with port 0). */
    public int port() {
        return connector.getLocalPort();
    }

    /** e.g. {@code http://127.0.0.1:8080}. */
    public String baseUrl() {
        String host = connector.getHost();
        if (host != null && host.contains(":")) {
            host = "[" + host + "]";
        }
        return "http://" + host + ":" + port();
    }

    /** Blocks until the server stops. */
    public void join() throws InterruptedException {
        jetty.join();
    }

    /** Stops accepting, lets in-flight requests finish (up to 10 s), then stops. */
    @Override
    public void close() {
        try {
            jetty.stop();
        } catch (Exception e) {
            log.warn("HTTP server did not stop cleanly: {}", e.toString());
        }
        mcp.close();
    }

    /** Liveness for load balancers; carries no documentation. */
    private static final class HealthServlet extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            response.setContentType("application/json");
            response.getWriter().write("{\"status\":\"ok\"}");
        }
    }

    /** Errors Jetty raises itself (bad URIs, unknown paths) as short JSON without stack traces. */
    private static final class JsonErrorHandler extends org.eclipse.jetty.ee10.servlet.ErrorHandler {
        @Override
        public boolean handle(org.eclipse.jetty.server.Request request, org.eclipse.jetty.server.Response response,
                              org.eclipse.jetty.util.Callback callback) {
            response.getHeaders().put("Content-Type", "application/json");
            String body = "{\"error\":\"HTTP " + response.getStatus() + "; the MCP endpoint is POST " + MCP_PATH
                    + "\"}";
            response.write(true, java.nio.ByteBuffer.wrap(body.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                    callback);
            return true;
        }
    }
}
