/**
 * The one outbound HTTP adapter (docs/security.md §3–5, §9): Jersey over Apache HttpClient 5 with
 * the egress policy deciding on the address actually connected to, a total deadline per exchange
 * enforced by a watchdog that closes sockets, bounded response heads, exactly the checked headers
 * on the wire, and every failure turned into a contract problem that names no secret.
 *
 * <p>The entry is {@link com.opstower.execution.upstream.UpstreamClient}; its result {@link
 * com.opstower.execution.upstream.UpstreamResponse} is the only other public type. The client
 * stack, the per-exchange state and the interceptors that HttpClient calls are package-private.
 */
package com.opstower.execution.upstream;
