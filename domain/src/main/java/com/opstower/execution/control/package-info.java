/**
 * The agent executor's policies, each a small class the outbound HTTP adapter calls. Request side:
 * {@link com.opstower.execution.control.RequestMethod}, {@link
 * com.opstower.execution.control.OutboundUrl} (agent path and query onto the stored base URL),
 * {@link com.opstower.execution.control.HeaderPolicy}, {@link
 * com.opstower.execution.control.BodyRules} and {@link
 * com.opstower.execution.control.CredentialInjector}. Response side: reading, capping and redacting
 * what the upstream returns. Everything an agent sends or an upstream returns is treated as hostile
 * (docs/security.md §1–5).
 */
package com.opstower.execution.control;
