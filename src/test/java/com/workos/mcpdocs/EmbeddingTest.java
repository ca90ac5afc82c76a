package com.workos.mcpdocs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.workos.mcpdocs.search.SearchHit;
import com.workos.mcpdocs.service.NotFoundException;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Java API used the way an embedding program uses it. */
class EmbeddingTest {

    @Test
    void aProgramSearchesReadsAndTakesTheTools() throws Exception {
        WorkosDocs docs = WorkosDocs.fromFolder(McpTestServer.fixtureDir());

        SearchHit top = docs.search("wildcard redirect", 3).hits().get(0);
        assertThat(top.path()).isEqualTo("sso/redirect-uris");
        assertThat(docs.page(top.path())).startsWith("# Redirect URIs");
        assertThatThrownBy(() -> docs.page("sso/nope")).isInstanceOf(NotFoundException.class);
        assertThat(docs.changelog(null)).contains("workos-platform");

        SyncToolSpecification searchTool = docs.tools().stream()
                .filter(t -> t.tool().name().equals("workos_search")).findFirst().orElseThrow();
        McpSchema.CallToolResult result = searchTool.callHandler()
                .apply(null, new McpSchema.CallToolRequest("workos_search", Map.of("query", "access token")));
        assertThat(McpTestServer.text(result)).contains("authkit/sessions");
    }
}
