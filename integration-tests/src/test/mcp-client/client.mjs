// A real MCP client for McpClientIT: the official TypeScript SDK over Streamable HTTP with a bearer
// token. Connects, lists the tools, calls one and prints what it saw as one JSON line. The token
// comes from the environment, never from the command line.
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";

const transport = new StreamableHTTPClientTransport(new URL(process.env.MCP_URL), {
  requestInit: { headers: { Authorization: `Bearer ${process.env.MCP_TOKEN}` } },
});
const client = new Client({ name: "opstower-it", version: "1.0.0" });
try {
  await client.connect(transport);
  const listed = await client.listTools();
  const result = await client.callTool({
    name: process.env.MCP_TOOL,
    arguments: JSON.parse(process.env.MCP_ARGUMENTS),
  });
  const refused = await client.callTool({
    name: process.env.MCP_TOOL,
    arguments: { method: "TRACE", path: "/" },
  });
  let unknownTool;
  try {
    await client.callTool({ name: "no_such_tool", arguments: {} });
    unknownTool = "answered";
  } catch (error) {
    unknownTool = { code: error.code, message: error.message };
  }
  await client.ping();
  console.log(
    JSON.stringify({
      serverVersion: client.getServerVersion(),
      protocolVersion: transport.protocolVersion ?? null,
      instructions: client.getInstructions(),
      tools: listed.tools,
      result,
      refused,
      unknownTool,
    }),
  );
} finally {
  await client.close();
}
