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
final class IssuedOnce {

  static final String ATTRIBUTE = "com.opstower.ui.token.issued";

  static final Duration SHOWN_WITHIN = Duration.ofMinutes(5);

  /** The token's name and value, and when they were put here. */
  record Issued(String name, String value, Instant at) {
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
    session.setAttribute(ATTRIBUTE, new Slot(new Issued(name, value, now)));
  }

  /** The value kept by the last create, once; empty after that, or when it is too old. */
  static Optional<Issued> take(HttpSession session, Instant now) {
    if (session == null || !(session.getAttribute(ATTRIBUTE) instanceof Slot slot)) {
      return Optional.empty();
    }
    session.removeAttribute(ATTRIBUTE);
    return Optional.ofNullable(slot.issued.getAndSet(null))
        .filter(issued -> !issued.at().plus(SHOWN_WITHIN).isBefore(now));
  }
}
