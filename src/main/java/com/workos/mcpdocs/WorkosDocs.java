package com.workos.mcpdocs;

import com.workos.mcpdocs.mcp.DocsMcpServer;
import com.workos.mcpdocs.mcp.DocsTools;
import com.workos.mcpdocs.search.SearchResult;
import com.workos.mcpdocs.service.Services;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.spec.McpServerTransportProvider;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The Java API for programs that embed the WorkOS documentation: search it, read pages and changelogs, add its MCP
 * tools to a server of their own, or run the whole server on a transport of their choosing.
 *
 * <pre>{@code
 * WorkosDocs docs = WorkosDocs.embedded();
 * SearchResult result = docs.search("saml redirect uri", 5);
 * String page = docs.page(result.hits().get(0).path());
 * McpServer.sync(myTransport).tools(docs.tools()).build();   // alongside the program's own tools
 * }</pre>
 *
 * <p>Instances are immutable and safe to share between threads.
 */
public final class WorkosDocs {

    private final Services services;

    private WorkosDocs(Services services) {
        this.services = services;
    }

    /**
     * The documentation a server started without options serves: the corpus {@code sync} made current in the
     * default data directory, else the one embedded in the jar (empty when the jar was built without it).
     */
    public static WorkosDocs embedded() throws IOException {
        return new WorkosDocs(App.of(null, null).services());
    }

    /** The documentation in a folder of the {@code .docs/organized} layout. */
    public static WorkosDocs fromFolder(Path folder) throws IOException {
        return new WorkosDocs(App.of(folder, null).services());
    }

    /**
     * Ranked results for a query.
     *
     * @throws IllegalArgumentException for an empty or over-long query
     */
    public SearchResult search(String query, int maxResults) {
        return services.search().search(query, maxResults, null);
    }

    /**
     * A page as Markdown (or a listing for {@code ""} or a folder).
     *
     * @throws com.workos.mcpdocs.service.NotFoundException with the closest paths, for an unknown path
     */
    public String page(String path) {
        return services.docs().read(path);
    }

    /** The changelog of a package, newest first, or the list of packages for {@code null}. */
    public String changelog(String pkg) {
        return pkg == null ? services.changelogs().packages() : services.changelogs().entries(pkg, null, null);
    }

    /** The MCP tools ({@code workos_search}, {@code workos_docs}...) to register on another MCP server. */
    public List<SyncToolSpecification> tools() {
        return DocsMcpServer.syncTools(new DocsTools(() -> services).definitions());
    }

    /** Runs the complete server (tools, instructions, identity) on a transport; it serves until closed. */
    public McpSyncServer serve(McpServerTransportProvider transport) {
        return DocsMcpServer.create(services, transport);
    }

    /** The services underneath, for programs that need more than this facade offers. */
    public Services services() {
        return services;
    }
}
