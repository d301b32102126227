/**
 * The response side of the executor (docs/security.md §5): what the agent gets of an upstream's
 * answer. A bounded window of the body is read, decoded in the charset the upstream claims (or
 * sniffed), redacted and only then cut to the cap; binary and compressed bodies are described, not
 * returned; headers are filtered and redacted. Everything an upstream returns is treated as
 * hostile.
 *
 * <p>The entry is {@link com.opstower.execution.response.ResponseReader}; its result {@link
 * com.opstower.execution.response.ReadBody} is the only other public type.
 */
package com.opstower.execution.response;
