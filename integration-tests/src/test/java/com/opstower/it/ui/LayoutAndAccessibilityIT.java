package com.opstower.it.ui;

import static com.opstower.it.Bodies.noAuth;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.opstower.it.Api;
import com.opstower.it.Bodies;
import com.opstower.it.ui.ConnectionFormPage.Entry;
import java.util.List;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * The layout on every screen and for the keyboard ({@link LayoutJourney}) in a real browser against
 * the deployed WAR: lists fit a narrow screen, a skip link, a visible focus ring, focus on the
 * first invalid field, error summaries in the fields' words, relative times, destructive buttons
 * look destructive, the agents' empty state, the favicon and the sign-in page's layout. So that the
 * lists have rows whatever ran before, the class adds a connection, an agent using it and a token
 * through the API first, and removes them at the end.
 */
@ExtendWith(ArquillianExtension.class)
@Tag("journey") // a long browser walk: run by -Pfull (CI), not by the daily plain verify
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LayoutAndAccessibilityIT extends BrowserTestBase {

  private static Api admin;
  private static String connectionId;
  private static String agentId;
  private static String tokenId;

  @BeforeEach
  void signedInWithRowsToShow() {
    signIn();
    if (connectionId == null) {
      admin = admin();
      connectionId =
          connection(
              Bodies.connection("Layout " + RUN, "https://layout.example.com/v1", noAuth())
                  .add("docsUrl", "https://layout.example.com/openapi.json")
                  .add("description", "Orders and shipments. GET /orders?status=open"));
      agentId = agentWith("Layout agent " + RUN, connectionId);
      Api.Reply token = admin.post("/api/v1/tokens", Bodies.token("layout-" + RUN, "agent"));
      assertEquals(201, token.status(), token.body());
      tokenId = token.json().getString("id");
    }
  }

  @AfterAll
  static void removeTheRows() {
    if (admin != null) {
      admin.delete("/api/v1/tokens/" + tokenId);
      admin.delete("/api/v1/agents/" + agentId);
      admin.delete("/api/v1/connections/" + connectionId);
    }
  }

  @Test
  @Order(21)
  void errorSummariesNameTheFieldsAsLabelledAndInputsPointAtTheirErrors() {
    browser.open("/connections/new/external-api");
    ConnectionFormPage form = new ConnectionFormPage(browser);
    form.fill(new Entry("Broken " + RUN, "ftp://x.example.com", "bearer", null, "t", "", ""));
    form.save();
    String summary = browser.text("#form-errors");
    assertTrue(summary.contains("Base URL:"), summary);
    assertFalse(summary.contains("baseUrl"), summary);
    assertEquals(
        "error-baseUrl",
        browser.driver.findElement(By.id("baseUrl")).getDomAttribute("aria-describedby"));
    assertEquals("100", browser.driver.findElement(By.id("label")).getDomAttribute("maxlength"));
    assertEquals(
        "4000", browser.driver.findElement(By.id("description")).getDomAttribute("maxlength"));
    browser.fill("description", "abc");
    assertEquals("3 / 4000 characters", browser.text("#description-count"));
  }

  @Test
  @Order(40)
  void everyListFitsANarrowScreen() throws Exception {
    new LayoutJourney(browser)
        .listsFitA390PixelScreen(
            List.of(
                "/connections",
                "/connections/" + connectionId,
                "/agents",
                "/agents/" + agentId,
                "/tokens",
                "/activity"));
    browser.resize(390, 844);
    try {
      browser.open("/connections");
      browser.screenshot("16-connections-narrow");
    } finally {
      browser.restoreSize(1280, 960);
    }
  }

  @Test
  @Order(41)
  void aSkipLinkLeadsToTheContent() {
    new LayoutJourney(browser).skipLinkIsTheFirstTabStopAndJumpsToContent();
  }

  @Test
  @Order(42)
  void theFocusRingIsVisible() {
    new LayoutJourney(browser).focusRingIsAtLeastTwoPixels();
  }

  @Test
  @Order(43)
  void aRejectedSaveFocusesTheFirstInvalidField() {
    new LayoutJourney(browser).focusMovesToTheFirstInvalidFieldAfterARejectedSave();
  }

  @Test
  @Order(44)
  void timesAreRelative() {
    new LayoutJourney(browser).timesAreRelativeWithTheFullTimeOnHover();
  }

  @Test
  @Order(45)
  void deleteAndRevokeLookDestructive() {
    new LayoutJourney(browser).deleteAndRevokeLookDestructive();
  }

  @Test
  @Order(46)
  void theAgentsEmptyStateOffersToAddOne() throws Exception {
    new LayoutJourney(browser).agentsEmptyStateOffersAddAgent();
  }

  @Test
  @Order(47)
  void thereIsAFavicon() {
    new LayoutJourney(browser).faviconIsServed();
  }

  @Test
  @Order(98)
  void theSignInPageSharesTheLayout() {
    new LayoutJourney(browser).signInPageSharesTheLayout();
  }
}
