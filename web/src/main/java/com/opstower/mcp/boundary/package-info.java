/**
 * The MCP endpoint (docs/api.md "MCP endpoint"): the Model Context Protocol's Streamable HTTP
 * transport, one JSON-RPC message per POST answered with JSON, for agent engines and MCP clients.
 * Its {@code tools/call} is an agent call like {@code …/requests}: the same executor, policies,
 * limits and activity log. Entry: {@link com.opstower.mcp.boundary.McpResource}.
 */
package com.opstower.mcp.boundary;
