/**
 * MCP over stdio: newline-delimited JSON-RPC on stdin and stdout, read so that no line a client writes can stop the
 * server (the SDK's own stdio transport stops reading at the first malformed line). stdout carries nothing but
 * protocol messages. In: the process's streams. Out: messages for the SDK's server session.
 */
package com.workos.mcpdocs.mcp.stdio;
