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
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.opstower.it.Api;
import com.opstower.it.DeployedApp;
import com.opstower.it.ui.ConnectionFormPage.Entry;
import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;

/**
 * The seed workflow in a real browser against the deployed WAR, one login for the whole class: log
 * in, add a connection of every auth type (testing each against WireMock), enable one on an agent,
 * see it in the agent's tools, edit, delete, tokens, activity; and the safety checks on every page
 * visited (no stored secret, escaped labels, CSRF, headers, cookie flags).
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebUiIT extends DeployedApp {

  static final String PASSWORD = "it-admin-password-7c1e";
  static final String XSS_LABEL = "<script>alert(1)</script>";

  private static Browser browser;
  private static WireMockServer upstream;
  private static final List<String> visited = new ArrayList<>();
  private static String bearerId;
  private static String agentId;

  @ArquillianResource URL base;

  /** Names this run creates; other test classes share the server and its database. */
  private static final String RUN = Long.toString(System.nanoTime() % 100_000, 36);

  static final String AGENT = "Analyst " + RUN;

  @BeforeEach
  void startBrowserOnce() throws Exception {
    if (browser == null) {
      upstream = UpstreamStubs.start();
      browser = new Browser(base);
    }
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.close();
    }
    if (upstream != null) {
      upstream.stop();
    }
  }

  private String upstreamUrl(String path) {
    return "http://127.0.0.1:" + upstream.port() + path;
  }

  private void visit(String path) {
    browser.open(path);
    visited.add(path);
  }

  @Test
  @Order(1)
  void everyPageAsksForLoginFirst() throws Exception {
    browser.open("/connections");
    assertEquals("/login", browser.path());
    browser.screenshot("01-login");
    browser.fill("username", "admin");
    browser.fill("password", "not-the-password");
    browser.clickAndWait(By.id("sign-in"));
    assertTrue(browser.present("#login-error"));

    browser.fill("username", "admin");
    browser.fill("password", PASSWORD);
    browser.clickAndWait(By.id("sign-in"));
    assertEquals("/connections", browser.path());
    assertEquals("admin", browser.text("#signed-in-user"));
    assertEquals(
        "page",
        browser
            .driver
            .findElement(By.cssSelector(".sidebar a.active"))
            .getDomAttribute("aria-current"));
    // Other test classes share the server: the empty state shows only when this class runs first
    // (ViewsRenderTest renders it whatever the data).
    if (browser.present("#empty-connections")) {
      browser.screenshot("02-connections-empty");
    }
  }

  @Test
  @Order(2)
  void testConnectionShowsTheUpstreamVerdictAndKeepsWhatWasTyped() throws Exception {
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
    visited.add("(rendered after test)");
    assertNoSecret(browser.driver.getPageSource(), "page after Test Connection");

    // Save right after the test, without typing the secret again (issue: Test then Save failed)
    form.save();
    assertEquals("/connections", browser.path());
    assertTrue(browser.text("#flash").contains("Billing API"));
    assertFalse(browser.driver.getCurrentUrl().contains("krazo"), browser.driver.getCurrentUrl());
    bearerId = idOfRow("Billing API");
    JsonObject saved = new Api(base, ADMIN_TOKEN).get("/api/v1/connections/" + bearerId).json();
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
    visit("/connections/" + bearerId + "/edit");
    ConnectionFormPage form = new ConnectionFormPage(browser);
    assertEquals(null, form.value("token"));
    assertEquals(
        "stored — leave blank to keep",
        browser.driver.findElement(By.id("token")).getDomAttribute("placeholder"));
    browser.fill("description", "Invoices, customers and refunds.");
    form.save();
    assertTrue(browser.text("#flash").contains("saved"));

    visit("/connections/" + bearerId);
    browser.clickAndWait(By.id("test-saved"));
    assertTrue(browser.text("#flash").contains("Test passed"), "the kept secret still works");
    assertTrue(browser.text(".prewrap").contains("refunds"));

    visit("/connections/" + bearerId + "/edit");
    browser.fill("baseUrl", "http://localhost:" + upstream.port() + "/bearer/v1");
    form.save();
    assertTrue(browser.text("[id='error-auth.token']").contains("different origin"));
    browser.fill("baseUrl", upstreamUrl("/bearer/v1"));
    form.save();
    assertEquals("/connections", browser.path());
  }

  @Test
  @Order(6)
  void anEnabledConnectionAppearsInTheAgentsTools() throws Exception {
    visit("/agents");
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

    Api.Reply tools = new Api(base, ADMIN_TOKEN).get("/api/v1/agents/" + agentId + "/tools");
    assertEquals(200, tools.status(), tools.body());
    assertTrue(tools.body().contains(bearerId), tools.body());

    visit("/agents");
    assertTrue(browser.text("#agents-table").contains("Billing API"));
    browser.screenshot("09-agents");
    visit("/connections/" + bearerId);
    assertTrue(browser.text("#agents-using").contains(AGENT));
    assertTrue(browser.present(".tool-preview .tool-name"));
    // the preview shows the whole definition the agent receives, exactly as the API returns it
    String shown = browser.driver.findElement(By.cssSelector(".tool-json")).getText();
    JsonObject previewed =
        jakarta.json.Json.createReader(new java.io.StringReader(shown)).readObject();
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
        new Api(base, ADMIN_TOKEN)
            .post(
                "/api/v1/agents/" + agentId + "/connections/" + bearerId + "/requests",
                "{\"method\":\"GET\",\"path\":\"/invoices\"}");
    assertEquals(200, call.status(), call.body());
    visit("/activity");
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
    visit("/tokens");
    browser.fill("token-name", "ci-agent " + RUN);
    browser.clickAndWait(By.id("create-token"));
    String value = browser.driver.findElement(By.id("token-value")).getDomAttribute("value");
    assertNotNull(value);
    assertTrue(browser.present("#copy-token"));
    browser.screenshot("13-token-created");
    Api.Reply withToken = new Api(base, value).get("/api/v1/agents/" + agentId + "/tools");
    assertEquals(200, withToken.status());
    visit("/tokens");
    assertFalse(browser.driver.getPageSource().contains(value), "shown once only");
    assertFalse(browser.fetch("/tokens").body().contains(value));
    assertTrue(browser.text("#tokens-table").contains("ci-agent " + RUN));
  }

  @Test
  @Order(9)
  void deleteAsksForConfirmation() throws Exception {
    String id = idOfRow("Weather");
    visit("/connections/" + id);
    browser.clickAndWait(By.id("delete-connection"));
    assertEquals("/connections/" + id + "/delete", browser.path());
    browser.screenshot("14-delete-confirm");
    browser.clickAndWait(By.id("confirm-delete"));
    assertFalse(browser.text("#connections-table").contains("Weather"));
    assertEquals(404, browser.fetch("/connections/" + id).statusCode());

    Api admin = new Api(base, ADMIN_TOKEN);
    String doomed =
        admin
            .post(
                "/api/v1/agents", "{\"name\":\"Retired agent " + RUN + "\",\"type\":\"debugger\"}")
            .json()
            .getString("id");
    assertEquals(
        204, admin.put("/api/v1/agents/" + doomed + "/connections/" + bearerId, "").status());
    visit("/agents/" + doomed);
    browser.clickAndWait(By.id("delete-agent"));
    assertEquals("/agents/" + doomed + "/delete", browser.path());
    assertTrue(browser.text("main").contains("Billing API"), "names what it may call");
    browser.clickAndWait(By.id("confirm-delete-agent"));
    assertEquals("/agents", browser.path());
    assertFalse(browser.text("#agents-table").contains("Retired agent " + RUN));
    assertEquals(404, admin.get("/api/v1/agents/" + doomed).status());
    assertEquals(200, admin.get("/api/v1/connections/" + bearerId).status(), "connection stays");
  }

  @Test
  @Order(10)
  void noPageContainsAStoredSecretAndLabelsAreEscaped() throws Exception {
    visit("/account/password");
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
  @Order(11)
  void postsWithoutTheCsrfTokenAreRefused() throws Exception {
    int before = rowIds().size();
    HttpResponse<String> refused =
        browser.postWithoutCsrf("/connections", "baseUrl=https%3A%2F%2Fevil.example&authType=none");
    assertEquals(403, refused.statusCode());
    assertTrue(refused.body().contains("Request refused"));
    assertFalse(refused.body().contains("Exception"));
    assertEquals(before, rowIds().size());
    HttpResponse<String> unknown = browser.fetch("/connections/no-such-id");
    assertEquals(404, unknown.statusCode());
    assertTrue(unknown.body().contains("Page not found"));
  }

  @Test
  @Order(97) // deletes the browser's cookies: signed out from here on
  void theApiNeverAcceptsTheSessionAndTheCookieIsStrict() throws Exception {
    HttpResponse<String> api = browser.fetch("/api/v1/connections");
    assertEquals(401, api.statusCode());
    browser.driver.manage().deleteAllCookies();
    HttpResponse<String> login = browser.fetch("/login");
    String cookie = login.headers().firstValue("Set-Cookie").orElse("");
    assertTrue(cookie.contains("HttpOnly"), cookie);
    assertTrue(cookie.toLowerCase().contains("samesite=strict"), cookie);
    browser.open("/connections");
    assertEquals("/login", browser.path());
  }

  @Test
  @Order(99)
  void signingOutEndsTheSession() throws Exception {
    browser.fill("username", "admin");
    browser.fill("password", PASSWORD);
    browser.clickAndWait(By.id("sign-in"));
    String session = browser.driver.manage().getCookieNamed("JSESSIONID").getValue();
    browser.clickAndWait(By.id("logout"));
    assertTrue(browser.present("#signed-out"));
    browser.open("/connections");
    assertEquals("/login", browser.path());
    assertFalse(
        session.equals(
            String.valueOf(browser.driver.manage().getCookieNamed("JSESSIONID").getValue())));
  }

  private static void assertNoSecret(String html, String where) {
    for (String secret : UpstreamStubs.SECRETS) {
      assertFalse(html.contains(secret), "a secret is in " + where);
    }
  }

  private static void assertSecurityHeaders(HttpResponse<String> response, String page) {
    var headers = response.headers();
    assertTrue(
        headers.firstValue("Content-Security-Policy").orElse("").contains("frame-ancestors 'none'"),
        page);
    assertEquals("DENY", headers.firstValue("X-Frame-Options").orElse(""), page);
    assertEquals("nosniff", headers.firstValue("X-Content-Type-Options").orElse(""), page);
    assertEquals("same-origin", headers.firstValue("Referrer-Policy").orElse(""), page);
    assertEquals("no-store", headers.firstValue("Cache-Control").orElse(""), page);
  }

  private String idOfRow(String label) {
    browser.open("/connections");
    return browser.driver.findElements(By.cssSelector("#connections-table tbody tr")).stream()
        .filter(row -> row.getText().contains(label))
        .map(row -> row.getDomAttribute("data-id"))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no row " + label));
  }

  private Set<String> rowIds() {
    String html = browser.fetch("/connections").body();
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("data-id=\"([0-9a-f-]{36})\"").matcher(html);
    Set<String> ids = new java.util.TreeSet<>();
    while (m.find()) {
      ids.add(m.group(1));
    }
    return ids;
  }

  @Test
  @Order(20)
  void withoutScriptATypedSecretIsKeptForSaveAndNeverRendered() {
    String page = browser.fetch("/connections/new/external-api").body();
    String csrf = hiddenValue(page, "_csrf");
    String label = "No-script " + RUN;
    String fields =
        form(
            "_csrf", csrf,
            "label", label,
            "baseUrl", upstreamUrl("/bearer/v1"),
            "authType", "bearer",
            "token", BEARER_TOKEN);

    HttpResponse<String> tested = browser.send(post("/connections/new/test", fields));
    assertEquals(200, tested.statusCode(), tested.body());
    assertTrue(tested.body().contains("Connection works"), tested.body());
    assertFalse(tested.body().contains(BEARER_TOKEN), "the typed secret is never rendered");
    assertTrue(tested.body().contains("entered — kept for Save"), "the form says it is kept");
    String kept = hiddenValue(tested.body(), "keptSecret");

    // Save with the secret field empty: the kept secret is used
    HttpResponse<String> saved =
        browser.send(
            post(
                "/connections",
                form(
                    "_csrf",
                    csrf,
                    "label",
                    label,
                    "baseUrl",
                    upstreamUrl("/bearer/v1"),
                    "authType",
                    "bearer",
                    "token",
                    "",
                    "keptSecret",
                    kept)));
    assertTrue(saved.statusCode() == 302 || saved.statusCode() == 303, saved.toString());
    Api api = new Api(base, ADMIN_TOKEN);
    String id = idOfRow(label, api);
    Api.Reply test = api.post("/api/v1/connections/" + id + "/test", null);
    assertTrue(test.json().getBoolean("ok"), "the kept secret is the right one: " + test.body());

    // a kept secret never follows the form to another origin, and is gone once used
    HttpResponse<String> elsewhere =
        browser.send(
            post(
                "/connections",
                form(
                    "_csrf",
                    csrf,
                    "label",
                    label + " moved",
                    "baseUrl",
                    "http://localhost:" + upstream.port() + "/bearer/v1",
                    "authType",
                    "bearer",
                    "token",
                    "",
                    "keptSecret",
                    kept)));
    assertEquals(400, elsewhere.statusCode());
    assertFalse(elsewhere.body().contains(BEARER_TOKEN));
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

  private static String idOfRow(String label, Api api) {
    for (JsonObject c : api.get("/api/v1/connections").array().getValuesAs(JsonObject.class)) {
      if (label.equals(c.getString("label", null))) {
        return c.getString("id");
      }
    }
    throw new AssertionError("no connection labelled " + label);
  }

  private static String hiddenValue(String html, String name) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile(
                "<input[^>]*name=\"" + java.util.regex.Pattern.quote(name) + "\"[^>]*>")
            .matcher(html);
    if (!m.find()) {
      throw new AssertionError("no hidden field " + name);
    }
    java.util.regex.Matcher value =
        java.util.regex.Pattern.compile("value=\"([^\"]*)\"").matcher(m.group());
    if (!value.find()) {
      throw new AssertionError("hidden field " + name + " has no value");
    }
    return value.group(1).replace("&amp;", "&");
  }

  private static String form(String... pairs) {
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < pairs.length; i += 2) {
      body.append(body.length() == 0 ? "" : "&")
          .append(java.net.URLEncoder.encode(pairs[i], java.nio.charset.StandardCharsets.UTF_8))
          .append('=')
          .append(
              java.net.URLEncoder.encode(pairs[i + 1], java.nio.charset.StandardCharsets.UTF_8));
    }
    return body.toString();
  }

  private java.net.http.HttpRequest.Builder post(String path, String body) {
    return java.net.http.HttpRequest.newBuilder(java.net.URI.create(browser.url(path)))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body));
  }

  // The layout on every screen and for the keyboard (LayoutJourney), on this browser and server.

  @Test
  @Order(40)
  void everyListFitsANarrowScreen() throws Exception {
    new LayoutJourney(browser)
        .listsFitA390PixelScreen(
            List.of(
                "/connections",
                "/connections/" + bearerId,
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

  // Tokens, agents and URLs (TokensAndAgentsJourney), on this browser and server.

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

  @Test
  @Order(56)
  void aDeepLinkSurvivesSignIn() {
    tokensAndAgents().aDeepLinkSurvivesSignIn(browser);
  }
}
