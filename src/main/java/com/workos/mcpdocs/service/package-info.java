/**
 * Plain-Java services over one corpus and its index, with no MCP types: reading pages and sections, search, the API
 * reference, examples and changelogs. The same calls back the MCP tools, the command line and the tests. Errors a
 * caller can act on are {@code NotFoundException} (with the closest paths) and {@code IllegalArgumentException}.
 */
package com.workos.mcpdocs.service;
