package com.opstower.ui.security;

import java.time.Instant;
import java.util.Optional;

/**
 * Where {@link SignInThrottle} keeps recent failures per key: this instance's memory ({@link
 * RecentFailures}) or, with several instances, the cluster's shared map ({@link SharedFailures}).
 * Each operation is atomic, which is all the throttle relies on.
 */
interface FailureStore {

  /**
   * Counts one failure for {@code key} at {@code now} unless it already has {@code limit} in the
   * window.
   *
   * @return empty when counted; otherwise the instant from which the key may try again
   */
  Optional<Instant> tryCount(String key, int limit, Instant now);

  /** Takes back the newest failure of {@code key}: the attempt it stood for succeeded. */
  void uncountOne(String key);

  /** Forgets every failure of {@code key}. */
  void clear(String key);

  /** How many keys are tracked; for tests of the memory bound. */
  int trackedKeys();
}
