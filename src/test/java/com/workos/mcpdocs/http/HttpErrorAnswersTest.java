package com.workos.mcpdocs.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What a client that gets the headers or the JSON wrong is told, as plain HTTP requests (curl's view). */
class HttpErrorAnswersTest {

    private static final String LIST = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}";
    private static final String MCP_ACCEPT = "application/json, text/event-stream";

    static HttpTestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = new HttpTestServer(HttpOptions.loopback(0));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aWrongOrMissingAcceptIs406NamingTheHeader() throws Exception {
        for (String accept : new String[] {null, "application/json", "*/*"}) {
            HttpResponse<String> response = post(accept, "application/json", LIST);
            assertThat(response.statusCode()).as(accept).isEqualTo(406);
            assertThat(response.body()).as(accept)
                    .contains("send 'Accept: application/json, text/event-stream'")
                    .doesNotContain("Content-Type");
        }
    }

    @Test
    void aWrongOrMissingContentTypeIs415NamingTheHeader() throws Exception {
        for (String type : new String[] {null, "text/plain", "application/x-www-form-urlencoded"}) {
            HttpResponse<String> response = post(MCP_ACCEPT, type, LIST);
            assertThat(response.statusCode()).as(type).isEqualTo(415);
            assertThat(response.body()).as(type).contains("send 'Content-Type: application/json'")
                    .doesNotContain("'Accept:");
        }
        HttpResponse<String> both = post(null, null, LIST);
        assertThat(both.statusCode()).isEqualTo(415);
        assertThat(both.body()).contains("'Content-Type: application/json'").contains("'Accept: " + MCP_ACCEPT + "'");
        assertThat(post(MCP_ACCEPT, "application/json; charset=utf-8", LIST).statusCode()).isEqualTo(200);
    }

    @Test
    void malformedJsonIsAParseError() throws Exception {
        for (String body : new String[] {"{\"jsonrpc\":\"2.0\",", "[1,2", "", "not json"}) {
            HttpResponse<String> response = post(MCP_ACCEPT, "application/json", body);
            assertThat(response.statusCode()).as(body).isEqualTo(400);
            assertThat(response.body()).as(body).contains("\"code\":-32700").contains("not valid JSON");
        }
        HttpResponse<String> notAnObject = post(MCP_ACCEPT, "application/json", "\"hello\"");
        assertThat(notAnObject.body()).contains("\"code\":-32600");
    }

    private static HttpResponse<String> post(String accept, String contentType, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.mcpUrl()))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (accept != null) {
            request.header("Accept", accept);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
