/**
 * Egress policy: decides which network addresses OpsTower may connect to on anyone's behalf
 * (docs/security.md §4). Agents can be steered by prompt injection, so every outbound call (agent
 * requests, Test Connection, docs fetch) resolves its host once through {@link
 * com.opstower.egress.control.EgressPolicy}, every resolved address is checked, and the HTTP client
 * connects only to the addresses that passed ({@link
 * com.opstower.egress.control.GuardedDnsResolver}) so a DNS answer cannot change between check and
 * connect. The address ranges themselves live in one table, {@code AddressRanges}.
 */
package com.opstower.egress.control;
