package com.opstower.ui.security;

import com.opstower.cluster.Instances;
import com.opstower.ui.layout.UiTime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;

/**
 * Login throttling as the contract has it: after 5 failed sign-ins for one username, or 20 from one
 * client address, within 15 minutes, further attempts are refused until enough of those failures
 * have left the window; a successful sign-in clears the username's count.
 *
 * <p>It is asked before the password is checked, because the check is the expensive part (600,000
 * PBKDF2 iterations): a refused attempt costs no hash. And it counts each attempt it lets through
 * as a failure right away, taking it back when the password was right. Counted only after a failed
 * check, a burst of parallel guesses would all pass before the first failure was recorded; this way
 * no more than 5 hashes per username and 20 per address run in any window, however many arrive at
 * once. (An attempt that fails with an error stays counted, which errs on the safe side.)
 *
 * <p>Usernames count case-insensitively and trimmed, as the person typed them; unknown usernames
 * count like known ones, so the throttle tells nothing about which exist. The address is the TCP
 * peer ({@code getRemoteAddr()}), never a forwarding header, which any client can write.
 */
@ApplicationScoped
public class SignInThrottle {

  static final int MAX_PER_USERNAME = 5;
  static final int MAX_PER_ADDRESS = 20;
  static final Duration WINDOW = Duration.ofMinutes(15);

  /** Keys (usernames and addresses together) kept at most; about 2 MB at 100-character keys. */
  static final int MAX_KEYS = 10_000;

  /** The users table allows 100 characters; longer names only share a count. */
  private static final int MAX_USERNAME_KEY = 100;

  /** The shared map of sign-in failures when several instances run. */
  static final String FAILURES_MAP = "opstower-sign-in-failures";

  private final Clock clock;
  private final FailureStore failures;

  /** For the container's proxy only. */
  protected SignInThrottle() {
    this(Clock.systemUTC(), MAX_KEYS);
  }

  /** Counted over every instance when several run as one; in this instance's memory otherwise. */
  @Inject
  public SignInThrottle(Instances instances) {
    this(
        Clock.systemUTC(),
        instances.isClustered()
            ? new SharedFailures(instances.values(FAILURES_MAP), WINDOW)
            : new RecentFailures(WINDOW, MAX_KEYS));
  }

  SignInThrottle(Clock clock, int maxKeys) {
    this(clock, new RecentFailures(WINDOW, maxKeys));
  }

  SignInThrottle(Clock clock, FailureStore failures) {
    this.clock = clock;
    this.failures = failures;
  }

  /**
   * Lets an attempt go on to the password check, counting it as failed until {@link #succeeded}
   * says otherwise; or refuses it, counting nothing.
   *
   * @param username as typed; a blank one counts only for the address
   * @return empty when the password may be checked; otherwise the refusal to show
   */
  public Optional<Refusal> admit(String username, String address) {
    Instant now = clock.instant();
    Optional<String> user = userKey(username);
    if (user.isPresent()) {
      Optional<Instant> retry = failures.tryCount(user.get(), MAX_PER_USERNAME, now);
      if (retry.isPresent()) {
        return Optional.of(Refusal.at(Refusal.Reason.USERNAME, retry.get(), now));
      }
    }
    Optional<Instant> retry = failures.tryCount(addressKey(address), MAX_PER_ADDRESS, now);
    if (retry.isPresent()) {
      user.ifPresent(failures::uncountOne);
      return Optional.of(Refusal.at(Refusal.Reason.ADDRESS, retry.get(), now));
    }
    return Optional.empty();
  }

  /**
   * The attempt admitted for these values had the right password: the username's failures are
   * cleared, and the address gets back the one this attempt was counted as.
   */
  public void succeeded(String username, String address) {
    userKey(username).ifPresent(failures::clear);
    failures.uncountOne(addressKey(address));
  }

  /** For tests of the memory bound. */
  int trackedKeys() {
    return failures.trackedKeys();
  }

  private static Optional<String> userKey(String username) {
    if (username == null || username.isBlank()) {
      return Optional.empty();
    }
    String key = username.strip().toLowerCase(Locale.ROOT);
    return Optional.of(
        "user:" + (key.length() > MAX_USERNAME_KEY ? key.substring(0, MAX_USERNAME_KEY) : key));
  }

  private static String addressKey(String address) {
    return "address:" + (address == null ? "" : address);
  }

  /** Why and until when attempts are refused, with the words for the page. */
  public record Refusal(Reason reason, Instant retryAt, Duration retryAfter) {

    /** What reached its limit. */
    public enum Reason {
      USERNAME,
      ADDRESS
    }

    static Refusal at(Reason reason, Instant retryAt, Instant now) {
      return new Refusal(reason, retryAt, Duration.between(now, retryAt));
    }

    /** For the {@code Retry-After} header: whole seconds, rounded up, at least 1. */
    public long retryAfterSeconds() {
      long seconds = retryAfter.toSeconds() + (retryAfter.toNanosPart() > 0 ? 1 : 0);
      return Math.max(1, seconds);
    }

    /** E.g. "Too many failed sign-ins for this username. Try again in 14 minutes (after …)." */
    public String message() {
      long minutes = Math.max(1, (retryAfterSeconds() + 59) / 60);
      return "Too many failed sign-ins "
          + (reason == Reason.USERNAME ? "for this username" : "from your network address")
          + ". Try again in "
          + minutes
          + (minutes == 1 ? " minute" : " minutes")
          + " (after "
          + UiTime.format(retryAt.plusNanos(999_999_999).truncatedTo(ChronoUnit.SECONDS))
          + ").";
    }
  }
}
