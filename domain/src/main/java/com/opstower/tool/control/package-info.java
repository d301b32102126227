/**
 * Tool definitions: how each connection enabled on an agent is offered to the agent's language
 * model as an OpenAI-style function ({@link com.opstower.tool.control.ToolDefinitions}). The
 * function's name, description and JSON schema are built from the connection's non-secret settings
 * only; the agent calls the function through the request executor.
 */
package com.opstower.tool.control;
