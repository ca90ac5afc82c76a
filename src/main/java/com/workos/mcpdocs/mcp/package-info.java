/**
 * The MCP surface, declared once: tools (their descriptions and schemas written for a model), resources, prompts
 * and completions, and the server built from them on either of the SDK's server types (stateful for stdio,
 * stateless for Streamable HTTP). In: {@code service}. Out: an SDK server on a transport given to it.
 */
package com.workos.mcpdocs.mcp;
