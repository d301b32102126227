package com.opstower.it.ui;

import static com.opstower.it.ui.UpstreamStubs.API_KEY;
import static com.opstower.it.ui.UpstreamStubs.API_KEY_HEADER;
import static com.opstower.it.ui.UpstreamStubs.BASIC_PASSWORD;
import static com.opstower.it.ui.UpstreamStubs.BASIC_USER;
import static com.opstower.it.ui.UpstreamStubs.BEARER_TOKEN;
import static com.opstower.it.ui.UpstreamStubs.QUERY_PARAM;
import static com.opstower.it.ui.UpstreamStubs.QUERY_VALUE;
import static com.opstower.it.ui.UpstreamStubs.WRONG_TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.opstower.it.Api;
import com.opstower.it.Bodies;
import com.opstower.it.ui.ConnectionFormPage.Entry;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;

/**
 * The External API form in a real browser against the deployed WAR and a WireMock upstream: add a
 * connection of every auth type (testing each), validation next to the fields, edit with a kept
 * secret, delete with confirmation, Test Connection's verdicts, a typed secret kept without script,
 * and no stored secret, unescaped label or missing security header on any page. The tests run in
 * order: the edit, the delete and the page checks use the connections the first two add.
 */
@ExtendWith(ArquillianExtension.class)
@Tag("journey") // a long browser walk: run by -Pfull (CI), not by the daily plain verify
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConnectionFormsIT extends BrowserTestBase {

  /** "Billing API", added with a bearer token by the first test. */
  private static String bearerId;

  @BeforeEach
  void signedIn() {
    signIn();
  }

  @Test
  @Order(2)
  void testConnectionShowsTheUpstreamVerdictAndKeepsWhatWasTyped() throws Exception {
    Set<String> others = rowIds(); // another class may have a "Billing API" too
    browser.clickAndWait(By.id("add-connection"));
    assertEquals("/connections/new", browser.path());
    browser.screenshot("03-add-connection-type");
    browser.clickAndWait(By.id("choose-external-api"));
    ConnectionFormPage form = new ConnectionFormPage(browser);
    Entry wrong =
        new Entry(
            "Billing API",
            upstreamUrl("/bearer/v1"),
            "bearer",
            null,
            WRONG_TOKEN,
            "https://docs.example.com/billing",
            "Invoices and customers. GET /invoices?status=open");
    form.fill(wrong);
    form.testConnection();
    assertTrue(browser.text("#test-result").contains("HTTP 401"), browser.text("#test-result"));
    assertTrue(browser.present("#test-result .hint"), "a 401 comes with a hint");
    assertTrue(browser.text("#test-result .hint").contains("credentials"));
    assertEquals("Billing API", form.typed("label"), "the form is left as it was typed");
    assertEquals(upstreamUrl("/bearer/v1"), form.typed("baseUrl"));
    assertEquals(WRONG_TOKEN, form.typed("token"), "the typed secret stays in the form");
    assertEquals(null, form.value("token"), "secrets are never sent back");
    browser.screenshot("05-test-connection-401");

    Entry right =
        new Entry(
            wrong.label(),
            wrong.baseUrl(),
            "bearer",
            null,
            BEARER_TOKEN,
            wrong.docsUrl(),
            wrong.description());
    form.retypeSecret(right);
    form.testConnection();
    assertTrue(browser.text("#test-result").contains("Connection works"));
    assertTrue(browser.text("#test-result .status").contains("HTTP 200"));
    assertTrue(browser.text("#test-result .duration").endsWith("ms"));
    assertTrue(
        browser.text("#test-result .message").startsWith("GET " + upstreamUrl("/bearer/v1")),
        "the result names the request sent: " + browser.text("#test-result .message"));
    assertEquals(BEARER_TOKEN, form.typed("token"), "Test Connection left the typed secret alone");
    browser.screenshot("06-test-connection-ok");
    assertNoSecret(browser.driver.getPageSource(), "page after Test Connection");

    // Save right after the test, without typing the secret again (issue: Test then Save failed)
    form.save();
    assertEquals("/connections", browser.path());
    assertTrue(browser.text("#flash").contains("Billing API"));
    assertFalse(browser.driver.getCurrentUrl().contains("krazo"), browser.driver.getCurrentUrl());
    bearerId = idOfRow("Billing API", others);
    JsonObject saved = admin().get("/api/v1/connections/" + bearerId).json();
    assertTrue(saved.getJsonObject("auth").getBoolean("secretSet"));
    assertEquals(
        200,
        saved.getJsonObject("lastTest").getInt("status"),
        "the test run on exactly the saved values is the connection's last test: " + saved);
  }

  @Test
  @Order(3)
  void everyAuthTypeCanBeTestedAndSaved() throws Exception {
    List<Entry> entries =
        List.of(
            new Entry(
                "Metrics",
                upstreamUrl("/apikey"),
                "api_key_header",
                API_KEY_HEADER,
                API_KEY,
                "https://docs.example.com/metrics",
                "Time series. Paginate with ?page=."),
            new Entry(
                "Tickets",
                upstreamUrl("/basic/api"),
                "basic",
                BASIC_USER,
                BASIC_PASSWORD,
                "https://docs.example.com/tickets",
                "Support tickets; 100 requests per minute."),
            new Entry(
                "Weather",
                upstreamUrl("/query"),
                "query_param",
                QUERY_PARAM,
                QUERY_VALUE,
                "https://docs.example.com/weather",
                "Forecasts by city."),
            new Entry(
                XSS_LABEL,
                upstreamUrl("/open"),
                "none",
                null,
                null,
                "https://docs.example.com/open",
                "Public data; the label is script-shaped."));
    ConnectionFormPage form = new ConnectionFormPage(browser);
    for (Entry entry : entries) {
      browser.open("/connections/new/external-api");
      if (entry.authType().equals("basic")) {
        browser.screenshot("04-connection-form");
      }
      form.fill(entry);
      form.testConnection();
      assertTrue(
          browser.text("#test-result").contains("HTTP 200"),
          entry.authType() + ": " + browser.text("#test-result"));
      form.retypeSecret(entry);
      form.save();
      assertTrue(browser.text("#connections-table").contains(entry.label()), entry.label());
    }
    assertFalse(browser.present("#empty-connections"));
    browser.screenshot("07-connections-list");
    assertThrows(NoAlertPresentException.class, () -> browser.driver.switchTo().alert());
  }

  @Test
  @Order(4)
  void validationErrorsAppearNextToTheirFields() throws Exception {
    browser.open("/connections/new/external-api");
    ConnectionFormPage form = new ConnectionFormPage(browser);
    form.fill(new Entry("Broken", "ftp://files.example.com", "bearer", null, "x", "", ""));
    browser.fill("token", " ");
    form.save();
    assertTrue(browser.present("#error-baseUrl"), "base URL error shown");
    assertTrue(browser.present("[id='error-auth.token']"), "token error shown");
    assertEquals("Broken", form.value("label"), "what was typed is kept");
    assertEquals(
        "true", browser.driver.findElement(By.id("baseUrl")).getDomAttribute("aria-invalid"));
    browser.screenshot("08-validation-errors");
  }

  @Test
  @Order(5)
  void editKeepsABlankSecretAndAsksAgainForANewOrigin() throws Exception {
    browser.open("/connections/" + bearerId + "/edit");
    ConnectionFormPage form = new ConnectionFormPage(browser);
    assertEquals(null, form.value("token"));
    assertEquals(
        "stored — leave blank to keep",
        browser.driver.findElement(By.id("token")).getDomAttribute("placeholder"));
    browser.fill("description", "Invoices, customers and refunds.");
    form.save();
    assertTrue(browser.text("#flash").contains("saved"));

    browser.open("/connections/" + bearerId);
    browser.clickAndWait(By.id("test-saved"));
    assertTrue(browser.text("#flash").contains("Test passed"), "the kept secret still works");
    assertTrue(browser.text(".prewrap").contains("refunds"));

    browser.open("/connections/" + bearerId + "/edit");
    browser.fill("baseUrl", "http://localhost:" + upstream().port() + "/bearer/v1");
    form.save();
    assertTrue(browser.text("[id='error-auth.token']").contains("different origin"));
    browser.fill("baseUrl", upstreamUrl("/bearer/v1"));
    form.save();
    assertEquals("/connections", browser.path());
  }

  @Test
  @Order(9)
  void deleteAsksForConfirmation() throws Exception {
    String id = idOfRow("Weather");
    browser.open("/connections/" + id);
    browser.clickAndWait(By.id("delete-connection"));
    assertEquals("/connections/" + id + "/delete", browser.path());
    browser.screenshot("14-delete-confirm");
    browser.clickAndWait(By.id("confirm-delete"));
    assertFalse(browser.text("#connections-table").contains("Weather"));
    assertEquals(404, browser.fetch("/connections/" + id).statusCode());

    Api admin = admin();
    String doomed =
        admin
            .post("/api/v1/agents", Bodies.agent("Retired agent " + RUN, "debugger"))
            .json()
            .getString("id");
    assertEquals(
        204, admin.put("/api/v1/agents/" + doomed + "/connections/" + bearerId, "").status());
    browser.open("/agents/" + doomed);
    browser.clickAndWait(By.id("delete-agent"));
    assertEquals("/agents/" + doomed + "/delete", browser.path());
    assertTrue(browser.text("main").contains("Billing API"), "names what it may call");
    browser.clickAndWait(By.id("confirm-delete-agent"));
    assertEquals("/agents", browser.path());
    assertFalse(browser.text("main").contains("Retired agent " + RUN));
    assertEquals(404, admin.get("/api/v1/agents/" + doomed).status());
    assertEquals(200, admin.get("/api/v1/connections/" + bearerId).status(), "connection stays");
  }

  @Test
  @Order(10)
  void noPageContainsAStoredSecretAndLabelsAreEscaped() throws Exception {
    String agentId = agentWith("Reader " + RUN, bearerId);
    browser.open("/account/password");
    browser.screenshot("15-account");
    List<String> pages =
        new ArrayList<>(
            List.of(
                "/connections",
                "/agents",
                "/tokens",
                "/activity",
                "/agents/" + agentId,
                "/agents/" + agentId + "/delete",
                "/connections/new/external-api"));
    for (String id : rowIds()) {
      pages.addAll(
          List.of(
              "/connections/" + id,
              "/connections/" + id + "/edit",
              "/connections/" + id + "/delete"));
    }
    for (String page : pages) {
      HttpResponse<String> response = browser.fetch(page);
      assertEquals(200, response.statusCode(), page);
      assertNoSecret(response.body(), page);
      assertFalse(response.body().contains(XSS_LABEL), "raw script on " + page);
      assertSecurityHeaders(response, page);
    }
    assertTrue(
        browser.fetch("/connections").body().contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
  }

  @Test
  @Order(20)
  void withoutScriptATypedSecretIsKeptForSaveAndNeverRendered() {
    String page = browser.fetch("/connections/new/external-api").body();
    String csrf = HtmlForm.hiddenValue(page, "_csrf");
    String label = "No-script " + RUN;
    String fields = bearerFields(csrf, label, upstreamUrl("/bearer/v1"), "token", BEARER_TOKEN);

    HttpResponse<String> tested = browser.postForm("/connections/new/test", fields);
    assertEquals(200, tested.statusCode(), tested.body());
    assertTrue(tested.body().contains("Connection works"), tested.body());
    assertFalse(tested.body().contains(BEARER_TOKEN), "the typed secret is never rendered");
    assertTrue(tested.body().contains("entered — kept for Save"), "the form says it is kept");
    String kept = HtmlForm.hiddenValue(tested.body(), "keptSecret");

    // Save with the secret field empty: the kept secret is used
    HttpResponse<String> saved =
        browser.postForm(
            "/connections",
            bearerFields(csrf, label, upstreamUrl("/bearer/v1"), "token", "", "keptSecret", kept));
    assertTrue(saved.statusCode() == 302 || saved.statusCode() == 303, saved.toString());
    Api api = admin();
    String id = idOfRow(label, api);
    Api.Reply test = api.post("/api/v1/connections/" + id + "/test", null);
    assertTrue(test.json().getBoolean("ok"), "the kept secret is the right one: " + test.body());

    // a kept secret never follows the form to another origin, and is gone once used
    HttpResponse<String> elsewhere =
        browser.postForm(
            "/connections",
            bearerFields(
                csrf,
                label + " moved",
                "http://localhost:" + upstream().port() + "/bearer/v1",
                "token",
                "",
                "keptSecret",
                kept));
    assertEquals(400, elsewhere.statusCode());
    assertFalse(elsewhere.body().contains(BEARER_TOKEN));
  }

  @Test
  @Order(22)
  void outcomesTellBlockedFromDnsAndSavingABlockedDestinationWarns() {
    browser.open("/connections/new/external-api");
    ConnectionFormPage form = new ConnectionFormPage(browser);
    form.fill(
        new Entry("Metadata " + RUN, "http://169.254.169.254/latest", "none", null, null, "", ""));
    form.testConnection();
    assertTrue(browser.text("#test-result .status").contains("Blocked by policy"));
    String blocked = browser.text("#test-result .message");
    assertTrue(blocked.startsWith("GET http://169.254.169.254/latest"), blocked);
    assertEquals(
        1, blocked.split("egress policy", -1).length - 1, "said once, not twice: " + blocked);

    form.save();
    assertTrue(
        browser.text("#flash").contains("egress policy blocks"),
        "saved, with a warning: " + browser.text("#flash"));

    browser.open("/connections/new/external-api");
    form.fill(
        new Entry("Nowhere " + RUN, "https://no-such-host.invalid/v1", "none", null, null, "", ""));
    form.testConnection();
    assertTrue(
        browser.text("#test-result .status").contains("DNS failure"), browser.text("#test-result"));
  }

  /**
   * The External API form for a bearer token as a browser without script posts it: these fields,
   * then {@code more} names and values.
   */
  private static String bearerFields(String csrf, String label, String baseUrl, String... more) {
    List<String> pairs =
        new ArrayList<>(
            List.of("_csrf", csrf, "label", label, "baseUrl", baseUrl, "authType", "bearer"));
    pairs.addAll(List.of(more));
    return HtmlForm.encode(pairs.toArray(String[]::new));
  }
}
