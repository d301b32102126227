package com.opstower.it.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.opstower.it.Api;
import com.opstower.it.Bodies;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Tokens, agents, redirects and sign-in as a person meets them, in the browser of the test class.
 * Not a JUnit class: {@code AgentsTokensActivityIT} and {@code BrowserSessionIT} call its methods
 * (one browser each, one server); each performs and asserts one behaviour, signs in first if
 * needed, uses names unique to this run and removes what it created through the API afterwards.
 */
final class TokensAndAgentsJourney {

  /** Names this run creates; other test classes share the server and its database. */
  private static final String RUN = Long.toString(System.nanoTime() % 1_000_000, 36);

  private final Api admin;
  private final String password;
  private final List<String> createdTokens = new ArrayList<>();
  private final List<String> createdAgents = new ArrayList<>();
  private final List<String> createdConnections = new ArrayList<>();

  /**
   * @param base the deployed application
   * @param adminToken an API token with the admin scope, for setting up and checking
   * @param password the password of the UI user {@code admin}
   */
  TokensAndAgentsJourney(URL base, String adminToken, String password) {
    this.admin = new Api(base, adminToken);
    this.password = password;
  }

  /** Issue 5: the created-token page is a GET; reloading it neither shows the value nor creates. */
  public void reloadingTheCreatedTokenPageCreatesNothingAndShowsNoValue(Browser browser) {
    new SignInPage(browser).ensureSignedIn(password);
    TokensPage tokens = new TokensPage(browser);
    String name = "journey-reload-" + RUN;
    tokens.open();
    tokens.create(name);

    assertEquals("/tokens", browser.path(), "the create POST redirected to the list");
    assertNoQuery(browser);
    String value = tokens.issuedValue();
    assertNotNull(value, "the new value is shown once");
    assertTrue(value.startsWith("otk_"), value);
    assertEquals(1, tokens.rowsNamed(name));
    remember(name);
    assertEquals(
        403,
        admin.withToken(value).get("/api/v1/agents").status(),
        "the value is a live token (agent scope: known, but may not manage)");

    reload(browser);
    assertEquals("/tokens", browser.path());
    assertNull(tokens.issuedValue(), "a reload shows no value");
    assertFalse(browser.driver.getPageSource().contains(value));
    assertEquals(1, tokens.rowsNamed(name), "a reload creates nothing");
    assertEquals(1, liveTokensNamed(name), "exactly one such token exists");
    assertFalse(browser.fetch("/tokens").body().contains(value), "nor does a later fetch show it");
    cleanUp();
  }

  /** Issue 5: Revoke opens a page naming the token; Cancel keeps it, confirming revokes it. */
  public void revokeAsksForConfirmationNamingTheToken(Browser browser) {
    new SignInPage(browser).ensureSignedIn(password);
    String name = "journey-revoke-" + RUN;
    JsonObject created = admin.post("/api/v1/tokens", Bodies.token(name, "admin")).json();
    String id = created.getString("id");
    Api withToken = admin.withToken(created.getString("token"));
    TokensPage tokens = new TokensPage(browser);

    tokens.open();
    tokens.clickRevoke(id);
    assertEquals("/tokens/" + id + "/revoke", browser.path(), "one click only asks");
    assertEquals(name, tokens.confirmationNames());
    assertEquals(200, withToken.get("/api/v1/agents").status(), "not revoked yet");

    tokens.cancelRevoke();
    assertEquals("/tokens", browser.path());
    assertTrue(tokens.lists(id), "Cancel keeps the token");
    assertEquals(200, withToken.get("/api/v1/agents").status());

    tokens.clickRevoke(id);
    tokens.confirmRevoke();
    assertEquals("/tokens", browser.path());
    assertNoQuery(browser);
    assertTrue(browser.text("#flash").contains(name), browser.text("#flash"));
    assertFalse(tokens.lists(id));
    assertEquals(401, withToken.get("/api/v1/agents").status(), "refused at once");
    assertEquals(404, browser.fetch("/tokens/" + id + "/revoke").statusCode(), "nothing to revoke");
  }

  /** Issue 5: a token name taken by a live token, and an agent name differing only in case. */
  public void duplicateTokenAndAgentNamesAreRefused(Browser browser) {
    new SignInPage(browser).ensureSignedIn(password);
    TokensPage tokens = new TokensPage(browser);
    String tokenName = "journey-dup-" + RUN;
    tokens.open();
    tokens.create(tokenName);
    remember(tokenName);
    tokens.open();
    tokens.create(tokenName.toUpperCase(Locale.ROOT));
    assertTrue(browser.present("#error-name"), "field error beside the name");
    assertTrue(browser.text("#error-name").contains(tokenName), browser.text("#error-name"));
    assertEquals(
        "true", browser.driver.findElement(By.id("token-name")).getDomAttribute("aria-invalid"));
    assertNull(tokens.issuedValue(), "no second token");
    assertEquals(1, tokens.rowsNamed(tokenName));
    assertEquals(1, liveTokensNamed(tokenName));

    Api.Reply tokenConflict =
        admin.post("/api/v1/tokens", Bodies.token(tokenName.toUpperCase(Locale.ROOT), "agent"));
    assertEquals(409, tokenConflict.status(), tokenConflict.body());
    assertEquals("conflict", tokenConflict.code());
    assertTrue(
        tokenConflict.header("Content-Type").startsWith("application/problem+json"),
        tokenConflict.header("Content-Type"));
    assertTrue(tokenConflict.json().getString("detail").contains(tokenName));

    String agentName = "Journey Agent " + RUN;
    AgentPage agent = new AgentPage(browser);
    agent.openNew();
    agent.name(agentName);
    agent.type("analyst");
    agent.save();
    String agentId = agent.id();
    createdAgents.add(agentId);

    agent.openNew();
    agent.name(agentName.toLowerCase(Locale.ROOT));
    agent.type("debugger");
    agent.save();
    assertEquals("/agents", browser.path(), "the refused form is shown again");
    assertTrue(browser.present("#error-name"));
    assertTrue(browser.text("#error-name").contains(agentName), browser.text("#error-name"));
    assertEquals(
        agentName.toLowerCase(Locale.ROOT),
        browser.driver.findElement(By.id("name")).getDomAttribute("value"),
        "what was typed is kept");

    Api.Reply agentConflict =
        admin.post("/api/v1/agents", Bodies.agent(agentName.toUpperCase(Locale.ROOT), "custom"));
    assertEquals(409, agentConflict.status(), agentConflict.body());
    assertEquals("conflict", agentConflict.code());
    assertTrue(agentConflict.json().getString("detail").contains(agentName));
    long same =
        admin.get("/api/v1/agents").array().getValuesAs(JsonObject.class).stream()
            .filter(a -> a.getString("name").equalsIgnoreCase(agentName))
            .count();
    assertEquals(1, same);
    cleanUp();
  }

  /** Issue 4: one Save keeps an edited description and the connection switches together. */
  public void editingTheDescriptionAndConnectionsSavesBoth(Browser browser) {
    new SignInPage(browser).ensureSignedIn(password);
    String first = connection("Journey Orders " + RUN);
    String second = connection("Journey Stock " + RUN);
    String agentId = agent("Journey Editor " + RUN, "Before the edit.");
    AgentPage page = new AgentPage(browser);

    page.open(agentId);
    assertEquals(1, page.submitButtonsOfTheAgentForm(), "one form, one Save");
    assertFalse(browser.present("#save-connections"));
    page.description("After the edit " + RUN);
    page.setEnabled(first, true);
    page.save();
    assertEquals("/agents/" + agentId, browser.path());
    assertTrue(browser.text("#flash").contains("saved"), browser.text("#flash"));

    page.open(agentId);
    assertEquals("After the edit " + RUN, page.savedDescription());
    assertTrue(page.isEnabled(first));
    assertFalse(page.isEnabled(second));

    page.description("Second edit " + RUN);
    page.setEnabled(first, false);
    page.setEnabled(second, true);
    page.save();
    JsonObject stored = admin.get("/api/v1/agents/" + agentId).json();
    assertEquals("Second edit " + RUN, stored.getString("description"));
    List<String> enabled =
        stored.getJsonArray("connectionIds").getValuesAs(JsonString.class).stream()
            .map(JsonString::getString)
            .toList();
    assertEquals(List.of(second), enabled, stored.toString());
    cleanUp();
  }

  /**
   * Issue 6: after every kind of save the address bar holds a plain path, and the flash message
   * still arrives, also after a POST from a deeper folder ({@code /connections/{id}/edit}).
   */
  public void noFrameworkParameterInUrlsAfterSaving(Browser browser) {
    new SignInPage(browser).ensureSignedIn(password);
    String connectionId = connection("Journey Plain " + RUN);
    String agentId = agent("Journey Plain " + RUN, null);

    browser.open("/connections/" + connectionId + "/edit");
    browser.fill("description", "Saved from the edit form " + RUN);
    new ConnectionFormPage(browser).save();
    assertEquals("/connections", browser.path());
    assertNoQuery(browser);
    assertTrue(browser.text("#flash").contains("saved"), "flash after a nested POST");
    Cookie flashCookie = browser.driver.manage().getCookieNamed("opstower-flash");
    if (flashCookie != null) {
      assertEquals("/", flashCookie.getPath(), "scoped to the whole UI");
    }

    AgentPage agent = new AgentPage(browser);
    agent.open(agentId);
    agent.description("Saved " + RUN);
    agent.save();
    assertEquals("/agents/" + agentId, browser.path());
    assertNoQuery(browser);
    assertTrue(browser.text("#flash").contains("saved"));

    TokensPage tokens = new TokensPage(browser);
    String name = "journey-plain-" + RUN;
    tokens.open();
    tokens.create(name);
    remember(name);
    assertEquals("/tokens", browser.path());
    assertNoQuery(browser);
    String id = tokenId(name);
    tokens.clickRevoke(id);
    tokens.confirmRevoke();
    assertEquals("/tokens", browser.path());
    assertNoQuery(browser);
    assertTrue(browser.text("#flash").contains("revoked"), "flash after POST /tokens/{id}/revoke");

    browser.open("/agents/" + agentId + "/delete");
    browser.clickAndWait(By.id("confirm-delete-agent"));
    createdAgents.remove(agentId);
    assertEquals("/agents", browser.path());
    assertNoQuery(browser);
    assertTrue(browser.text("#flash").contains("deleted"));
    cleanUp();
  }

  /** Issue 6: the URL of a Test Connection answer, opened again, leads back to its form. */
  public void reopeningATestUrlLeadsBackToTheForm(Browser browser) {
    new SignInPage(browser).ensureSignedIn(password);
    browser.open("/connections/new/test");
    assertEquals("/connections/new/external-api", browser.path());
    assertTrue(browser.present("#label"), "the new-connection form");
    HttpResponse<String> newTest = browser.fetch("/connections/new/test");
    assertEquals(303, newTest.statusCode());
    assertTrue(
        newTest
            .headers()
            .firstValue("Location")
            .orElse("")
            .endsWith("/connections/new/external-api"));

    String label = "Journey Reopened " + RUN;
    String id = connection(label);
    browser.open("/connections/" + id + "/edit/test");
    assertEquals("/connections/" + id + "/edit", browser.path());
    assertEquals(label, new ConnectionFormPage(browser).value("label"));
    assertEquals(303, browser.fetch("/connections/" + id + "/edit/test").statusCode());
    assertEquals(404, browser.fetch("/connections/no-such-id/edit/test").statusCode());
    cleanUp();
  }

  /**
   * Issue 6: a deep link survives sign-in; a {@code next} pointing elsewhere is ignored and sign-in
   * lands on the connection list of this site.
   */
  public void aDeepLinkSurvivesSignIn(Browser browser) {
    SignInPage signIn = new SignInPage(browser);
    signIn.ensureSignedIn(password);
    signIn.signOut();

    browser.open("/agents");
    assertEquals("/login", browser.path());
    assertTrue(
        browser.driver.getCurrentUrl().contains("next=%2Fagents"), browser.driver.getCurrentUrl());
    signIn.signIn(password);
    assertEquals("/agents", browser.path(), "back where the link pointed");

    String host = URI.create(browser.driver.getCurrentUrl()).getAuthority();
    for (String elsewhere :
        List.of("//evil.com", "https://evil.com/", "/%5Cevil.com", "/\\evil.com", "javascript:1")) {
      signIn.signOut();
      browser.open("/login?next=" + URLEncoder.encode(elsewhere, StandardCharsets.UTF_8));
      assertEquals("/login", browser.path());
      signIn.signIn(password);
      assertEquals(host, URI.create(browser.driver.getCurrentUrl()).getAuthority(), elsewhere);
      assertEquals("/connections", browser.path(), elsewhere);
    }
    browser.open("/login?next=//evil.com");
    assertEquals("/connections", browser.path(), "signed in: the sign-in page ignores it too");
  }

  // --- helpers --------------------------------------------------------------------------------

  private static void assertNoQuery(Browser browser) {
    String url = browser.driver.getCurrentUrl();
    assertNull(URI.create(url).getRawQuery(), url);
    assertFalse(url.toLowerCase(Locale.ROOT).contains("krazo"), url);
  }

  /** The browser's reload button: the same request again, waiting for the new page. */
  private static void reload(Browser browser) {
    WebElement oldPage = browser.driver.findElement(By.tagName("html"));
    browser.driver.navigate().refresh();
    WebDriverWait wait = browser.waitUpTo(Duration.ofSeconds(30));
    wait.until(d -> Browser.isGone(oldPage));
    wait.until(d -> "complete".equals(browser.driver.executeScript("return document.readyState")));
  }

  private long liveTokensNamed(String name) {
    return admin.get("/api/v1/tokens").array().getValuesAs(JsonObject.class).stream()
        .filter(t -> t.getString("name").equalsIgnoreCase(name))
        .count();
  }

  private String tokenId(String name) {
    return admin.get("/api/v1/tokens").array().getValuesAs(JsonObject.class).stream()
        .filter(t -> t.getString("name").equals(name))
        .map(t -> t.getString("id"))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no token " + name));
  }

  /** A token created through the UI, to be revoked by {@link #cleanUp()}. */
  private void remember(String name) {
    createdTokens.add(name);
  }

  private String connection(String label) {
    Api.Reply created =
        admin.post(
            "/api/v1/connections",
            Bodies.json(Bodies.connection(label, "https://journey.example.com", Bodies.noAuth())));
    assertEquals(201, created.status(), created.body());
    String id = created.json().getString("id");
    createdConnections.add(id);
    return id;
  }

  private String agent(String name, String description) {
    Api.Reply created = admin.post("/api/v1/agents", Bodies.agent(name, "analyst", description));
    assertEquals(201, created.status(), created.body());
    String id = created.json().getString("id");
    createdAgents.add(id);
    return id;
  }

  /** Removes what this journey created, so the shared server is as before. */
  private void cleanUp() {
    for (JsonObject token : admin.get("/api/v1/tokens").array().getValuesAs(JsonObject.class)) {
      if (createdTokens.contains(token.getString("name"))) {
        admin.delete("/api/v1/tokens/" + token.getString("id"));
      }
    }
    createdTokens.clear();
    createdAgents.forEach(id -> admin.delete("/api/v1/agents/" + id));
    createdAgents.clear();
    createdConnections.forEach(id -> admin.delete("/api/v1/connections/" + id));
    createdConnections.clear();
  }
}
