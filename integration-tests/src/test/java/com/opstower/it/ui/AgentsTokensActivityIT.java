package com.opstower.it.ui;

import static com.opstower.it.Bodies.bearer;
import static com.opstower.it.ui.UpstreamStubs.BEARER_TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.opstower.it.Api;
import com.opstower.it.Bodies;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * Agents, tokens and the activity log in a real browser against the deployed WAR: an agent created
 * on its page with a connection enabled sees it in its tools, its call is in the activity log, a
 * new token is shown once and works; and the journeys of {@link TokensAndAgentsJourney} (reload,
 * revoke, unique names, one Save, plain URLs). The class adds the connection it enables itself
 * ("Billing API", bearer, through the API); the activity and token tests use the agent the first
 * test creates.
 */
@ExtendWith(ArquillianExtension.class)
@Tag("journey") // a long browser walk: run by -Pfull (CI), not by the daily plain verify
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AgentsTokensActivityIT extends BrowserTestBase {

  static final String AGENT = "Analyst " + RUN;

  /** "Billing API" on the bearer upstream, tested once so that it has a last test. */
  private static String bearerId;

  /** {@link #AGENT}, created by the first test. */
  private static String agentId;

  @BeforeEach
  void signedInWithAConnection() {
    signIn();
    if (bearerId == null) {
      bearerId =
          connection(
              Bodies.connection("Billing API", upstreamUrl("/bearer/v1"), bearer(BEARER_TOKEN))
                  .add("docsUrl", "https://docs.example.com/billing")
                  .add("description", "Invoices, customers and refunds."));
      Api.Reply test = admin().post("/api/v1/connections/" + bearerId + "/test", null);
      assertTrue(test.json().getBoolean("ok"), test.body());
    }
  }

  @Test
  @Order(6)
  void anEnabledConnectionAppearsInTheAgentsTools() throws Exception {
    browser.open("/agents");
    browser.clickAndWait(By.id("new-agent"));
    browser.fill("name", AGENT);
    browser.choose("type", "analyst");
    browser.fill("description", "Answers questions about billing.");
    browser.clickAndWait(By.id("save-agent"));
    agentId = browser.path().substring("/agents/".length());
    browser
        .driver
        .findElement(By.cssSelector("input[name=connectionId][value='" + bearerId + "']"))
        .click();
    browser.clickAndWait(By.id("save-agent"));
    assertTrue(
        browser
            .driver
            .findElement(By.cssSelector("input[name=connectionId][value='" + bearerId + "']"))
            .isSelected());
    browser.screenshot("10-agent");

    Api.Reply tools = admin().get("/api/v1/agents/" + agentId + "/tools");
    assertEquals(200, tools.status(), tools.body());
    assertTrue(tools.body().contains(bearerId), tools.body());

    browser.open("/agents");
    assertTrue(browser.text("#agents-table").contains("Billing API"));
    browser.screenshot("09-agents");
    browser.open("/connections/" + bearerId);
    assertTrue(browser.text("#agents-using").contains(AGENT));
    assertTrue(browser.present(".tool-preview .tool-name"));
    // the preview shows the whole definition the agent receives, exactly as the API returns it
    String shown = browser.driver.findElement(By.cssSelector(".tool-json")).getText();
    JsonObject previewed = Json.createReader(new StringReader(shown)).readObject();
    JsonObject served =
        tools.array().getValuesAs(JsonObject.class).stream()
            .filter(t -> t.getString("connectionId").equals(bearerId))
            .findFirst()
            .orElseThrow();
    assertEquals(served, previewed);
    assertTrue(browser.present(".copy-button"), "a copy button beside it");
    browser.screenshot("11-connection-detail");
  }

  @Test
  @Order(7)
  void activityListsAnAgentCall() throws Exception {
    Api.Reply call =
        admin()
            .post(
                "/api/v1/agents/" + agentId + "/connections/" + bearerId + "/requests",
                Bodies.get("/invoices"));
    assertEquals(200, call.status(), call.body());
    browser.open("/activity");
    assertTrue(browser.text("#activity-table").contains("GET /invoices"));
    assertTrue(browser.present("#activity-table .badge.ok"), "outcome highlighted");
    browser.choose("filter-agent", agentId);
    browser.clickAndWait(By.id("apply-filter"));
    assertTrue(browser.text("#activity-table").contains(AGENT));
    browser.screenshot("12-activity");
  }

  @Test
  @Order(8)
  void aNewTokenIsShownOnceAndWorks() throws Exception {
    browser.open("/tokens");
    browser.fill("token-name", "ci-agent " + RUN);
    browser.clickAndWait(By.id("create-token"));
    String value = browser.driver.findElement(By.id("token-value")).getDomAttribute("value");
    assertNotNull(value);
    assertTrue(browser.present("#copy-token"));
    browser.screenshot("13-token-created");
    Api.Reply withToken = new Api(base, value).get("/api/v1/agents/" + agentId + "/tools");
    assertEquals(200, withToken.status());
    browser.open("/tokens");
    assertFalse(browser.driver.getPageSource().contains(value), "shown once only");
    assertFalse(browser.fetch("/tokens").body().contains(value));
    assertTrue(browser.text("#tokens-table").contains("ci-agent " + RUN));
  }

  private TokensAndAgentsJourney tokensAndAgents() {
    return new TokensAndAgentsJourney(base, ADMIN_TOKEN, PASSWORD);
  }

  @Test
  @Order(50)
  void reloadingTheCreatedTokenPageCreatesNothing() {
    tokensAndAgents().reloadingTheCreatedTokenPageCreatesNothingAndShowsNoValue(browser);
  }

  @Test
  @Order(51)
  void revokeAsksForConfirmation() {
    tokensAndAgents().revokeAsksForConfirmationNamingTheToken(browser);
  }

  @Test
  @Order(52)
  void duplicateNamesAreRefused() {
    tokensAndAgents().duplicateTokenAndAgentNamesAreRefused(browser);
  }

  @Test
  @Order(53)
  void oneSaveKeepsDescriptionAndConnections() {
    tokensAndAgents().editingTheDescriptionAndConnectionsSavesBoth(browser);
  }

  @Test
  @Order(54)
  void urlsCarryNoFrameworkParameters() {
    tokensAndAgents().noFrameworkParameterInUrlsAfterSaving(browser);
  }

  @Test
  @Order(55)
  void aReopenedTestUrlLeadsBackToTheForm() {
    tokensAndAgents().reopeningATestUrlLeadsBackToTheForm(browser);
  }
}
