package com.opstower.execution.upstream;

import com.opstower.execution.credential.SecretRedactor;
import com.opstower.execution.request.UpstreamRequest;
import com.opstower.execution.response.ResponseReader;

/**
 * One upstream exchange that the caller waits for (Test Connection, the docs fetch): on the same
 * executor as agent calls — {@link NonBlockingExchanges} by default, {@link UpstreamClient} with
 * {@code opstower.executor.non-blocking=false} — so the same pool, deadline, byte cap and fault
 * naming apply.
 */
@FunctionalInterface
public interface WaitedExchange {

  /**
   * @throws com.opstower.problem.ProblemException naming the fault, as the executors do
   */
  UpstreamResponse exchange(
      UpstreamRequest request, ResponseReader reader, SecretRedactor redactor);
}
