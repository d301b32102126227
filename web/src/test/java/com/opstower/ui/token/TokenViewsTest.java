package com.opstower.ui.token;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.opstower.ui.ViewRendering;
import com.opstower.ui.layout.UiTime;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The token pages: the value once, and revoke as a link to a confirmation naming the token. */
class TokenViewsTest {

  private static final TokenRow ROW =
      new TokenRow(
          "0b6f2c1e-8d7a-4a57-9f00-3c2b1a0e9d88",
          "ci-agent",
          "agent",
          null,
          UiTime.shown(Instant.parse("2025-06-01T08:00:00Z")),
          null);

  private static Map<String, Object> listModels() {
    Map<String, Object> models = new HashMap<>();
    models.put("tokens", List.of(ROW));
    models.put("name", "");
    return models;
  }

  @Test
  void theListShowsTheIssuedValueOnlyWhenTheControllerHandsItOver() {
    Map<String, Object> models = listModels();
    assertFalse(ViewRendering.render("tokens/list", models).contains("id=\"token-value\""));
    models.put("issuedName", "ci-agent");
    models.put("issuedValue", "otk_value");
    String html = ViewRendering.render("tokens/list", models);
    assertTrue(html.contains("id=\"token-value\""), html);
    assertTrue(html.contains("value=\"otk_value\""), html);
  }

  @Test
  void revokeIsALinkToTheConfirmationNotAFormThatRevokesAtOnce() {
    String html = ViewRendering.render("tokens/list", listModels());
    assertTrue(html.contains("href=\"/tokens/0b6f2c1e-8d7a-4a57-9f00-3c2b1a0e9d88/revoke\""), html);
    assertTrue(html.contains("class=\"destructive outline small revoke\""), html);
    assertFalse(html.contains("action=\"/tokens/0b6f2c1e-8d7a-4a57-9f00-3c2b1a0e9d88/revoke\""));
  }

  @Test
  void theConfirmationNamesTheTokenAndPostsTheRevoke() {
    String html = ViewRendering.render("tokens/revoke", Map.of("token", ROW));
    assertTrue(html.contains("Revoke “<span id=\"revoke-token-name\">ci-agent</span>”?"), html);
    assertTrue(
        html.contains("action=\"/tokens/0b6f2c1e-8d7a-4a57-9f00-3c2b1a0e9d88/revoke\""), html);
    assertTrue(html.contains("id=\"confirm-revoke\">Revoke token</button>"), html);
    assertTrue(html.contains("name=\"_csrf\" value=\"t0ken\""), html);
    assertTrue(html.contains("<span class=\"muted\">never</span>"), html);
    assertTrue(html.contains("href=\"/tokens\" role=\"button\""), "cancel goes back");
  }
}
