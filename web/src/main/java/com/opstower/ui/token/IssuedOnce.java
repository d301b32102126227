package com.opstower.ui.token;

import jakarta.servlet.http.HttpSession;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A new token's value on its way from the create POST to the one GET that shows it
 * (post-redirect-get): kept in the signed-in HTTP session and removed by the first {@link #take},
 * so a reload shows nothing. Not {@link java.io.Serializable} on purpose: a session written to disk
 * (passivation, shutdown) leaves the value behind instead of storing it. A value not shown within
 * {@link #SHOWN_WITHIN} is dropped unseen.
 */
public final class IssuedOnce {

  static final String ATTRIBUTE = "com.opstower.ui.token.issued";

  static final Duration SHOWN_WITHIN = Duration.ofMinutes(5);

  /** The token's name and value, and when they were put here. */
  public record Issued(String name, String value, Instant at) {
    @Override
    public String toString() {
      return "Issued[" + name + "]";
    }
  }

  /** Taken by whichever request comes first; any other finds it empty. */
  private static final class Slot {
    private final AtomicReference<Issued> issued;

    Slot(Issued issued) {
      this.issued = new AtomicReference<>(issued);
    }
  }

  private IssuedOnce() {}

  static void keep(HttpSession session, String name, String value, Instant now) {
    keep(session, "", name, value, now);
  }

  /**
   * As {@link #keep(HttpSession, String, String, Instant)}, for the page named by {@code page}
   * (e.g. one agent's page): only {@link #take(HttpSession, String, Instant)} with the same page
   * shows it.
   */
  public static void keep(
      HttpSession session, String page, String name, String value, Instant now) {
    session.setAttribute(ATTRIBUTE + page, new Slot(new Issued(name, value, now)));
  }

  /** The value kept by the last create, once; empty after that, or when it is too old. */
  static Optional<Issued> take(HttpSession session, Instant now) {
    return take(session, "", now);
  }

  public static Optional<Issued> take(HttpSession session, String page, Instant now) {
    if (session == null || !(session.getAttribute(ATTRIBUTE + page) instanceof Slot slot)) {
      return Optional.empty();
    }
    session.removeAttribute(ATTRIBUTE + page);
    return Optional.ofNullable(slot.issued.getAndSet(null))
        .filter(issued -> !issued.at().plus(SHOWN_WITHIN).isBefore(now));
  }
}
