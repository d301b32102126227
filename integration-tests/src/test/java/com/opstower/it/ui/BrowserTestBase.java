package com.opstower.it.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.opstower.it.Api;
import com.opstower.it.Bodies;
import com.opstower.it.DeployedApp;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;

/**
 * What the browser test classes share: each class has a {@link Browser} of its own, opened before
 * its first test (the deployment's URL is known only then) and closed after its last, and, if it
 * asks for one, the WireMock upstream of {@link UpstreamStubs}. A class signs in itself and creates
 * the data it needs: other test classes share the server and its database. The test classes run one
 * after another, so {@link #browser} is the browser of the class running.
 */
abstract class BrowserTestBase extends DeployedApp {

  static final String PASSWORD = "it-admin-password-7c1e";
  static final String XSS_LABEL = "<script>alert(1)</script>";

  /** Names this run creates; other test classes share the server and its database. */
  static final String RUN = Long.toString(System.nanoTime() % 100_000, 36);

  private static final Pattern ROW_ID = Pattern.compile("data-id=\"([0-9a-f-]{36})\"");

  static Browser browser;
  private static WireMockServer upstream;

  @ArquillianResource URL base;

  @BeforeEach
  void startBrowserOnce() throws Exception {
    if (browser == null) {
      browser = new Browser(base);
    }
  }

  @AfterAll
  static void stopBrowser() {
    if (browser != null) {
      browser.close();
      browser = null;
    }
    if (upstream != null) {
      upstream.stop();
      upstream = null;
    }
  }

  Api admin() {
    return new Api(base, ADMIN_TOKEN);
  }

  /** Creates the connection {@code input} (see {@link Bodies#connection}) through the API. */
  String connection(JsonObjectBuilder input) {
    Api.Reply created = admin().post("/api/v1/connections", Bodies.json(input));
    assertEquals(201, created.status(), created.body());
    return created.json().getString("id");
  }

  /** Creates an analyst with {@code connections} enabled through the API; returns its id. */
  String agentWith(String name, String... connections) {
    Api admin = admin();
    Api.Reply created = admin.post("/api/v1/agents", Bodies.agent(name, "analyst"));
    assertEquals(201, created.status(), created.body());
    String agent = created.json().getString("id");
    for (String connection : connections) {
      assertEquals(
          204, admin.put("/api/v1/agents/" + agent + "/connections/" + connection, null).status());
    }
    return agent;
  }

  /** Signed in as {@code admin} afterwards, on the connection list. */
  static void signIn() {
    new SignInPage(browser).ensureSignedIn(PASSWORD);
  }

  /** The upstream of {@link UpstreamStubs}, started on first use. */
  static WireMockServer upstream() {
    if (upstream == null) {
      upstream = UpstreamStubs.start();
    }
    return upstream;
  }

  static String upstreamUrl(String path) {
    return "http://127.0.0.1:" + upstream().port() + path;
  }

  static void assertNoSecret(String html, String where) {
    for (String secret : UpstreamStubs.SECRETS) {
      assertFalse(html.contains(secret), "a secret is in " + where);
    }
  }

  static void assertSecurityHeaders(HttpResponse<String> response, String page) {
    var headers = response.headers();
    assertTrue(
        headers.firstValue("Content-Security-Policy").orElse("").contains("frame-ancestors 'none'"),
        page);
    assertEquals("DENY", headers.firstValue("X-Frame-Options").orElse(""), page);
    assertEquals("nosniff", headers.firstValue("X-Content-Type-Options").orElse(""), page);
    assertEquals("same-origin", headers.firstValue("Referrer-Policy").orElse(""), page);
    assertEquals("no-store", headers.firstValue("Cache-Control").orElse(""), page);
  }

  /** The id of the first row of the connection list whose text contains {@code label}. */
  static String idOfRow(String label) {
    return idOfRow(label, Set.of());
  }

  /** As {@link #idOfRow(String)}, skipping the rows of {@code others} (made by other classes). */
  static String idOfRow(String label, Set<String> others) {
    browser.open("/connections");
    return browser.driver.findElements(By.cssSelector("#connections-table tbody tr")).stream()
        .filter(row -> row.getText().contains(label))
        .map(row -> row.getDomAttribute("data-id"))
        .filter(id -> !others.contains(id))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no row " + label));
  }

  /** The ids of the connection list's rows, as the server rendered them. */
  static Set<String> rowIds() {
    String html = browser.fetch("/connections").body();
    Matcher m = ROW_ID.matcher(html);
    Set<String> ids = new TreeSet<>();
    while (m.find()) {
      ids.add(m.group(1));
    }
    return ids;
  }

  /** The id of the connection labelled exactly {@code label}, found through the API. */
  static String idOfRow(String label, Api api) {
    for (JsonObject c : api.get("/api/v1/connections").array().getValuesAs(JsonObject.class)) {
      if (label.equals(c.getString("label", null))) {
        return c.getString("id");
      }
    }
    throw new AssertionError("no connection labelled " + label);
  }
}
