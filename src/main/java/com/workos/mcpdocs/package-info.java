/**
 * The composition root: {@code App} decides once which corpus to serve and builds everything over it (the services,
 * the MCP servers for stdio and HTTP, the command line's services), and {@code WorkosDocs} is the same wiring as a
 * Java API for programs that embed the documentation. In: a {@code CorpusChoice} made from flags, environment and
 * data directory. Out: ready services and servers. See {@code docs/ARCHITECTURE.md} for the whole flow.
 */
package com.workos.mcpdocs;
