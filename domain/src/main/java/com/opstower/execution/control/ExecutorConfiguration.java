package com.opstower.execution.control;

import com.opstower.cluster.Instances;
import com.opstower.config.Settings;
import com.opstower.egress.control.EgressPolicy;
import com.opstower.egress.control.GuardedDnsResolver;
import com.opstower.execution.upstream.NonBlockingExchanges;
import com.opstower.execution.upstream.UpstreamClient;
import com.opstower.execution.upstream.WaitedExchange;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The executor's configuration, and the shared objects built from it. The products are
 * {@code @Singleton}: they are final, thread-safe classes that need no client proxy.
 */
@ApplicationScoped
public class ExecutorConfiguration {

  private static final Logger LOG = Logger.getLogger(ExecutorConfiguration.class.getName());

  /** The shared map of per-token limit records when several instances run. */
  static final String CALL_LIMITS_MAP = "opstower-call-limits";

  /**
   * Two threads that give shared in-flight slots back; a call ends on the outbound client's I/O
   * thread, which must not wait for the cluster.
   */
  private final ExecutorService sharedReleases =
      Executors.newFixedThreadPool(
          2,
          runnable -> {
            Thread thread = new Thread(runnable, "opstower-shared-limit-release");
            thread.setDaemon(true);
            return thread;
          });

  @Inject
  @ConfigProperty(
      name = Settings.EXECUTOR_TIMEOUT,
      defaultValue = Settings.EXECUTOR_TIMEOUT_DEFAULT)
  Duration timeout;

  @Inject
  @ConfigProperty(
      name = Settings.EXECUTOR_MAX_RESPONSE_BYTES,
      defaultValue = Settings.EXECUTOR_MAX_RESPONSE_BYTES_DEFAULT)
  int maxResponseBytes;

  @Inject
  @ConfigProperty(
      name = Settings.EXECUTOR_MAX_REQUEST_BYTES,
      defaultValue = Settings.EXECUTOR_MAX_REQUEST_BYTES_DEFAULT)
  long maxRequestBytes;

  @Inject
  @ConfigProperty(name = Settings.DOCS_MAX_BYTES, defaultValue = Settings.DOCS_MAX_BYTES_DEFAULT)
  int docsMaxBytes;

  /** The cap on an OpenAPI document's fetch (real specs run to several MB). */
  @Inject
  @ConfigProperty(
      name = Settings.DOCS_SPEC_MAX_BYTES,
      defaultValue = Settings.DOCS_SPEC_MAX_BYTES_DEFAULT)
  int specMaxBytes;

  @Inject
  @ConfigProperty(
      name = Settings.DOCS_CATALOGUE_CHARS,
      defaultValue = Settings.DOCS_CATALOGUE_CHARS_DEFAULT)
  int catalogueChars;

  @Inject
  @ConfigProperty(
      name = Settings.EGRESS_ALLOW_PRIVATE,
      defaultValue = Settings.EGRESS_ALLOW_PRIVATE_DEFAULT)
  boolean allowPrivate;

  @Inject
  @ConfigProperty(
      name = Settings.EGRESS_ALLOW_LOOPBACK,
      defaultValue = Settings.EGRESS_ALLOW_LOOPBACK_DEFAULT)
  boolean allowLoopback;

  @Inject
  @ConfigProperty(name = Settings.EGRESS_ALLOW_CIDRS)
  Optional<String> allowCidrs;

  @Inject
  @ConfigProperty(name = Settings.EGRESS_DENY_CIDRS)
  Optional<String> denyCidrs;

  /** Upstream exchanges at once, over all tokens; more are refused, not queued. */
  @Inject
  @ConfigProperty(
      name = Settings.EXECUTOR_POOL_SIZE,
      defaultValue = Settings.EXECUTOR_POOL_SIZE_DEFAULT)
  int poolSize;

  @Inject
  @ConfigProperty(
      name = Settings.LIMITS_IN_FLIGHT,
      defaultValue = Settings.LIMITS_IN_FLIGHT_DEFAULT)
  int inFlightPerToken;

  @Inject
  @ConfigProperty(
      name = Settings.LIMITS_PER_MINUTE,
      defaultValue = Settings.LIMITS_PER_MINUTE_DEFAULT)
  int callsPerMinutePerToken;

  /** Agent requests on non-blocking I/O, no thread waiting per call; {@code false} falls back. */
  @Inject
  @ConfigProperty(
      name = Settings.EXECUTOR_NON_BLOCKING,
      defaultValue = Settings.EXECUTOR_NON_BLOCKING_DEFAULT)
  boolean nonBlocking;

  public boolean nonBlocking() {
    return nonBlocking;
  }

  public Duration timeout() {
    return timeout;
  }

  public int maxResponseBytes() {
    return maxResponseBytes;
  }

  public long maxRequestBytes() {
    return maxRequestBytes;
  }

  public int docsMaxBytes() {
    return docsMaxBytes;
  }

  public int specMaxBytes() {
    return specMaxBytes;
  }

  public int catalogueChars() {
    return catalogueChars;
  }

  @Produces
  @Singleton
  EgressPolicy egressPolicy() {
    EgressPolicy policy =
        new EgressPolicy(allowPrivate, allowLoopback, cidrs(allowCidrs), cidrs(denyCidrs));
    LOG.info(() -> "Egress policy: " + policy);
    return policy;
  }

  /** Comma-separated CIDRs (Payara's config producer has no {@code Optional<List>}). */
  private static List<String> cidrs(Optional<String> text) {
    return text.map(value -> List.of(value.split(","))).orElse(List.of()).stream()
        .map(String::trim)
        .filter(cidr -> !cidr.isEmpty())
        .toList();
  }

  @Produces
  @Singleton
  UpstreamClient upstreamClient(EgressPolicy policy) {
    return new UpstreamClient(policy, timeout, poolSize);
  }

  void closeUpstreamClient(@Disposes UpstreamClient client) {
    client.close();
  }

  /** Created on first use only, that is only with {@code opstower.executor.non-blocking=true}. */
  @Produces
  @Singleton
  NonBlockingExchanges nonBlockingExchanges(EgressPolicy policy) {
    return new NonBlockingExchanges(new GuardedDnsResolver(policy), timeout, poolSize);
  }

  void closeNonBlockingExchanges(@Disposes NonBlockingExchanges exchanges) {
    exchanges.close();
  }

  /**
   * The executor for exchanges a caller waits for (Test Connection, the docs fetch): the same as
   * agent calls use.
   */
  @Produces
  @Singleton
  WaitedExchange waitedExchange(
      UpstreamClient blocking, Instance<NonBlockingExchanges> nonBlockingExchanges) {
    return nonBlocking
        ? (request, reader, redactor) ->
            nonBlockingExchanges.get().callAndWait(request, reader, redactor)
        : blocking::exchange;
  }

  @PreDestroy
  void stopSharedReleases() {
    sharedReleases.shutdown();
  }

  @Produces
  @Singleton
  CallLimits callLimits(Instances instances) {
    if (!instances.isClustered()) {
      return new CallLimits(inFlightPerToken, callsPerMinutePerToken, Clock.systemUTC());
    }
    CallLimits shared =
        CallLimits.shared(
            inFlightPerToken,
            callsPerMinutePerToken,
            Clock.systemUTC(),
            instances.values(CALL_LIMITS_MAP),
            instances.localId(),
            sharedReleases);
    instances.onInstanceLeft(shared::forgetInstance);
    LOG.info(() -> "Per-token limits are counted over " + instances.describe() + ".");
    return shared;
  }
}
