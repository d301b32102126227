package com.opstower.ui.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.opstower.ui.FakeServlet;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A new token's value survives one redirect and is shown once. */
class IssuedOnceTest {

  private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");

  private final Map<String, Object> attributes = FakeServlet.attributes();
  private final HttpSession session = FakeServlet.session(attributes);

  @Test
  void theFirstPageAfterTheRedirectGetsTheValueAndAReloadGetsNothing() {
    IssuedOnce.keep(session, "ci-agent", "otk_secret", NOW);
    Optional<IssuedOnce.Issued> shown = IssuedOnce.take(session, NOW.plusSeconds(1));
    assertEquals("ci-agent", shown.orElseThrow().name());
    assertEquals("otk_secret", shown.orElseThrow().value());
    assertEquals(Optional.empty(), IssuedOnce.take(session, NOW.plusSeconds(2)), "reload");
    assertTrue(attributes.isEmpty(), "nothing left in the session");
  }

  @Test
  void aValueNotShownInTimeIsDroppedUnseen() {
    IssuedOnce.keep(session, "ci-agent", "otk_secret", NOW);
    assertEquals(
        Optional.empty(),
        IssuedOnce.take(session, NOW.plus(IssuedOnce.SHOWN_WITHIN).plusSeconds(1)));
    assertTrue(attributes.isEmpty());
  }

  @Test
  void aSecondTokenReplacesTheFirstUnshownOne() {
    IssuedOnce.keep(session, "one", "otk_1", NOW);
    IssuedOnce.keep(session, "two", "otk_2", NOW);
    assertEquals("otk_2", IssuedOnce.take(session, NOW).orElseThrow().value());
    assertEquals(Optional.empty(), IssuedOnce.take(session, NOW));
  }

  @Test
  void withoutASessionOrAValueThereIsNothingToShow() {
    assertEquals(Optional.empty(), IssuedOnce.take(null, NOW));
    assertEquals(Optional.empty(), IssuedOnce.take(session, NOW));
    attributes.put(IssuedOnce.ATTRIBUTE, "planted");
    assertEquals(Optional.empty(), IssuedOnce.take(session, NOW));
  }

  @Test
  void theValueIsNeverWrittenWithTheSessionNorPrinted() {
    IssuedOnce.keep(session, "ci-agent", "otk_secret", NOW);
    Object kept = attributes.get(IssuedOnce.ATTRIBUTE);
    assertFalse(kept instanceof Serializable, "a serialized session must not carry the value");
    IssuedOnce.Issued issued = IssuedOnce.take(session, NOW).orElseThrow();
    assertFalse(issued.toString().contains("otk_secret"));
  }
}
