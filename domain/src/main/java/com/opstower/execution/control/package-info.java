/**
 * The agent runtime: runs an agent's request ({@link com.opstower.execution.control.AgentRuntime})
 * and a documentation fetch ({@link com.opstower.execution.control.DocsFetcher}) through a
 * connection — the per-token limits, the enabled connection, the request policies of {@code
 * execution.request}, one exchange through {@code execution.upstream} read by {@code
 * execution.response}, and an activity entry whatever the outcome. {@link
 * com.opstower.execution.control.ExecutorConfiguration} holds the executor's configuration and
 * produces the shared objects built from it (egress policy, upstream client, call limits).
 *
 * <p>This is the executor's service layer, so more of it is public than in the packages below it:
 * the two entries, their results ({@link com.opstower.execution.control.ExecutionResult}), the
 * configuration, the {@link com.opstower.execution.control.CallRecorder} that Test Connection also
 * records with, and the limits and their {@link
 * com.opstower.execution.control.RateLimitedException}.
 */
package com.opstower.execution.control;
