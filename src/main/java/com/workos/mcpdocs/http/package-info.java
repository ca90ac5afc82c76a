/**
 * MCP over Streamable HTTP on Jetty, stateless (any replica answers any request): the SDK's servlet transport
 * plus what it lacks (the bearer token, the Host and Origin checks, a rate limit, JSON-RPC error bodies without
 * stack traces). In: the stateless MCP server from {@code mcp}. Out: an HTTP endpoint.
 */
package com.workos.mcpdocs.http;
