/**
 * The command line (picocli): with no command it serves MCP over stdio; {@code serve --http}, and the commands for
 * people ({@code search}, {@code docs}, {@code api}, {@code changelog}, {@code sync}, {@code doctor},
 * {@code config}) run through the same composition root as the servers.
 */
package com.workos.mcpdocs.cli;
