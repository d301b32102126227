/**
 * The request side of the executor (docs/security.md §1–3): builds the {@link
 * com.opstower.execution.request.UpstreamRequest} for an agent's call, a docs fetch or Test
 * Connection, with every policy applied first — the method, the body and its media type, the
 * headers an agent may send, and a URL that can only append to the connection's base URL — and the
 * connection's credential injected last. Everything an agent sends is treated as hostile.
 *
 * <p>The entry is {@link com.opstower.execution.request.OutboundRequests}; the policies behind it
 * are package-private. Also public are the values that cross packages: {@link
 * com.opstower.execution.request.AgentCall} (built by the web boundary), {@link
 * com.opstower.execution.request.OutboundBody}, {@link
 * com.opstower.execution.request.RequestMethod} and {@link
 * com.opstower.execution.request.UpstreamRequest} (what the upstream client sends).
 */
package com.opstower.execution.request;
