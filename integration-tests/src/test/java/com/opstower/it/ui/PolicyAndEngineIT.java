package com.opstower.it.ui;

import static com.opstower.it.Bodies.noAuth;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.opstower.it.Api;
import com.opstower.it.Bodies;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.util.List;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * In the browser: the connection form's policy fields (the Read-only switch, method boxes, path
 * patterns and their errors) and the agent page's "Connect an agent engine" (MCP URL, a token bound
 * to the agent shown once, ready configurations).
 */
@ExtendWith(ArquillianExtension.class)
@Tag("journey") // a long browser walk: run by -Pfull (CI), not by the daily plain verify
class PolicyAndEngineIT extends BrowserTestBase {

  private static WebElement box(String method) {
    return browser.driver.findElement(By.id("method-" + method));
  }

  private static List<String> methodsOf(JsonObject connection) {
    return connection
        .getJsonObject("policy")
        .getJsonArray("methods")
        .getValuesAs(JsonString::getString);
  }

  @Test
  void theReadOnlySwitchAndPathPatternsAreSavedAndShown() throws Exception {
    signIn();
    String label = "Policed " + RUN;
    browser.open("/connections/new/external-api");
    for (String method : List.of("GET", "POST", "PUT", "PATCH", "DELETE")) {
      assertTrue(box(method).isSelected(), "a new connection allows " + method);
    }
    browser.fill("label", label);
    browser.fill("baseUrl", upstreamUrl("/v1"));
    browser.choose("authType", "none");
    browser.driver.findElement(By.id("read-only")).click();
    assertTrue(box("GET").isSelected());
    for (String method : List.of("POST", "PUT", "PATCH", "DELETE")) {
      assertFalse(box(method).isSelected(), "Read-only unticks " + method);
      assertFalse(box(method).isEnabled(), "and locks it");
    }
    browser.fill("paths", "/invoices\n/invoices/*");
    browser.screenshot("17-connection-policy");
    browser.clickAndWait(By.id("save"));
    assertEquals("/connections", browser.path(), browser.driver.getPageSource());

    String id = idOfRow(label, admin());
    JsonObject saved = admin().get("/api/v1/connections/" + id).json();
    assertEquals(List.of("GET"), methodsOf(saved));
    assertEquals(
        List.of("/invoices", "/invoices/*"),
        saved.getJsonObject("policy").getJsonArray("paths").getValuesAs(JsonString::getString));

    browser.open("/connections/" + id);
    assertEquals("GET only (read-only)", browser.text("#detail-methods"));
    assertTrue(browser.text("main").contains("/invoices/*"));
    JsonObject previewed =
        Json.createReader(new StringReader(browser.text("#tool-json-0"))).readObject();
    assertEquals(
        List.of("GET"),
        previewed
            .getJsonObject("function")
            .getJsonObject("parameters")
            .getJsonObject("properties")
            .getJsonObject("method")
            .getJsonArray("enum")
            .getValuesAs(JsonString::getString),
        "the tool preview offers GET only");
    assertTrue(browser.text(".tool-description").contains("read-only"));

    // editing: the switch is on, the patterns are there; switching it off gives the boxes back
    browser.open("/connections/" + id + "/edit");
    assertTrue(browser.driver.findElement(By.id("read-only")).isSelected());
    assertEquals(
        "/invoices\n/invoices/*",
        browser.driver.findElement(By.id("paths")).getDomProperty("value"));
    browser.driver.findElement(By.id("read-only")).click();
    assertTrue(box("POST").isEnabled());
    box("POST").click();
    browser.clickAndWait(By.id("save"));
    assertEquals(
        List.of("GET", "POST"), methodsOf(admin().get("/api/v1/connections/" + id).json()));
  }

  @Test
  void anInvalidPatternIsNamedNextToTheFieldAndNothingIsSaved() {
    signIn();
    int before = admin().get("/api/v1/connections").array().size();
    browser.open("/connections/new/external-api");
    browser.fill("label", "Bad patterns " + RUN);
    browser.fill("baseUrl", upstreamUrl("/v1"));
    browser.choose("authType", "none");
    browser.fill("paths", "/ok\ninvoices*");
    browser.clickAndWait(By.id("save"));
    assertTrue(browser.present("#error-policy\\.paths"), "the error sits at the field");
    assertTrue(
        browser.text("#form-errors").contains("Allowed paths"), browser.text("#form-errors"));
    assertEquals(
        "/ok\ninvoices*",
        browser.driver.findElement(By.id("paths")).getDomProperty("value"),
        "what was typed stays");
    box("GET").click();
    box("POST").click();
    box("PUT").click();
    box("PATCH").click();
    box("DELETE").click();
    browser.fill("paths", "");
    browser.clickAndWait(By.id("save"));
    assertTrue(browser.present("#error-policy\\.methods"), "no method at all is refused too");
    assertEquals(before, admin().get("/api/v1/connections").array().size(), "nothing was saved");
  }

  @Test
  void connectAnAgentEngineMakesABoundTokenAndAReadyConfiguration() throws Exception {
    signIn();
    String connection =
        connection(Bodies.connection("Engine API " + RUN, upstreamUrl("/v1"), noAuth()));
    String agent = agentWith("Engine agent " + RUN, connection);
    String other = agentWith("Other agent " + RUN);
    browser.open("/agents/" + agent);
    String mcpUrl = browser.driver.findElement(By.id("mcp-url")).getDomProperty("value");
    assertEquals(browser.url("/api/v1/agents/" + agent + "/mcp"), mcpUrl);
    assertTrue(
        browser.text("#snippet-claude-code").contains("Bearer <token>"), "a placeholder before");
    assertTrue(browser.present("#no-engine-tokens"));

    browser.clickAndWait(By.id("create-engine-token"));
    assertEquals("/agents/" + agent, browser.path());
    String token = browser.driver.findElement(By.id("engine-token-value")).getDomProperty("value");
    assertTrue(token.startsWith("otk_"), "the value is shown once");
    assertEquals(
        "claude mcp add --transport http opstower-engine-agent-"
            + RUN.toLowerCase()
            + " "
            + mcpUrl
            + " --header \"Authorization: Bearer "
            + token
            + "\"",
        browser.text("#snippet-claude-code"));
    assertTrue(browser.text("#snippet-json").contains("\"url\": \"" + mcpUrl + "\""));
    assertTrue(browser.text("#snippet-json").contains("Bearer " + token));
    browser.screenshot("18-connect-an-agent-engine");

    // the token works for this agent's MCP endpoint, and only there
    Api bound = new Api(base, token);
    String ping = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}";
    assertEquals(200, bound.post("/api/v1/agents/" + agent + "/mcp", ping).status());
    assertEquals(403, bound.post("/api/v1/agents/" + other + "/mcp", ping).status());
    assertEquals(403, bound.get("/api/v1/connections").status());

    // a reload shows the value no more; the token is listed as bound to the agent
    browser.open("/agents/" + agent);
    assertFalse(browser.present("#engine-token-value"));
    assertFalse(browser.driver.getPageSource().contains(token), "shown once only");
    assertTrue(browser.text("#engine-tokens").contains("Engine agent " + RUN + " engine"));
    browser.open("/tokens");
    assertTrue(browser.text("#tokens-table").contains("Engine agent " + RUN));
    assertFalse(browser.driver.getPageSource().contains(token));
  }

  @Test
  void aNewLabelKeepsTheToolNameUnlessTheRenameIsTicked() throws Exception {
    signIn();
    String first = connection(Bodies.connection("Twin " + RUN, upstreamUrl("/v1"), noAuth()));
    String agent = agentWith("Twin agent " + RUN, first);
    String plain = "twin_" + RUN.toLowerCase();

    // a second connection with the same label is saved with a warning about the shared name
    browser.open("/connections/new/external-api");
    browser.fill("label", "Twin " + RUN);
    browser.fill("baseUrl", upstreamUrl("/v2"));
    browser.choose("authType", "none");
    browser.clickAndWait(By.id("save"));
    assertTrue(browser.text("#flash").contains(plain + "_2"), browser.text("#flash"));

    // the agent page shows the exact tool name
    browser.open("/agents/" + agent);
    assertTrue(
        browser.text("#agent-connections").contains(plain), browser.text("#agent-connections"));

    // a new label alone keeps the name; with the rename ticked the agent's tool follows
    browser.open("/connections/" + first + "/edit");
    assertEquals(plain, browser.text("#current-tool-name"));
    browser.fill("label", "Renamed " + RUN);
    browser.clickAndWait(By.id("save"));
    assertEquals(plain, toolOf(agent));
    browser.open("/connections/" + first + "/edit");
    browser.driver.findElement(By.id("rename-tool")).click();
    browser.clickAndWait(By.id("save"));
    String renamed = "renamed_" + RUN.toLowerCase();
    assertTrue(browser.text("#flash").contains(renamed), browser.text("#flash"));
    assertEquals(renamed, toolOf(agent));
  }

  private String toolOf(String agent) {
    return admin()
        .get("/api/v1/agents/" + agent + "/tools")
        .array()
        .getJsonObject(0)
        .getJsonObject("function")
        .getString("name");
  }

  @Test
  void theDetailPageShowsWhatTheDocsServeAndRefreshesThem() throws Exception {
    signIn();
    String spec =
        """
        openapi: 3.0.3
        info: {title: Stock, version: '1.2'}
        servers: [{url: /stock}]
        paths:
          /items: {get: {summary: List items}, post: {summary: Add an item}}
          /items/{sku}: {get: {summary: One item}}
        """;
    upstream()
        .stubFor(
            com.github.tomakehurst.wiremock.client.WireMock.get(
                    com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo(
                        "/stock/openapi.yaml"))
                .willReturn(
                    com.github.tomakehurst.wiremock.client.WireMock.aResponse()
                        .withHeader("Content-Type", "application/yaml")
                        .withBody(spec)));
    Api.Reply created =
        admin()
            .post(
                "/api/v1/connections",
                Bodies.json(
                    Bodies.connection("Stock " + RUN, upstreamUrl("/stock"), noAuth())
                        .add("docsUrl", upstreamUrl("/stock/openapi.yaml"))));
    assertEquals(201, created.status(), created.body());
    String id = created.json().getString("id");

    browser.open("/connections/" + id);
    if (!browser.text("#docs-kind").equals("OpenAPI document")) {
      // read in the background after the save: the page may have come first
      assertEquals("Not read yet", browser.text("#docs-kind"));
      assertEquals("Read now", browser.text("#refresh-docs"));
      browser.clickAndWait(By.id("refresh-docs"));
    }
    assertEquals("OpenAPI document", browser.text("#docs-kind"));
    assertEquals("Stock 1.2", browser.text("#docs-title"));
    assertEquals("3 operations", browser.text("#docs-count"));
    browser.driver.findElement(By.cssSelector("#docs-operations summary")).click();
    assertTrue(
        browser.text("#docs-operations").contains("GET /items/{sku} — One item"),
        browser.text("#docs-operations"));
    assertTrue(
        browser
            .text(".tool-description")
            .endsWith("POST /items — Add an item\nGET /items/{sku} — One item"),
        browser.text(".tool-description"));
    browser.screenshot("19-connection-docs");

    upstream()
        .stubFor(
            com.github.tomakehurst.wiremock.client.WireMock.get(
                    com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo(
                        "/stock/openapi.yaml"))
                .willReturn(
                    com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(404)));
    browser.clickAndWait(By.id("refresh-docs"));
    assertTrue(
        browser
            .text("#flash")
            .startsWith(
                "The documentation could not be read: The documentation URL answered HTTP 404"),
        browser.text("#flash"));
    assertEquals("Could not be read", browser.text("#docs-kind"));
    assertFalse(browser.present("#docs-operations"), "no operations from a failed read");
    assertFalse(browser.text(".tool-description").contains("Operations ("));
  }

  @Test
  void anOAuthConnectionIsEnteredTestedAndSaved() throws Exception {
    signIn();
    String secret = "cs-ui-" + RUN;
    String refused =
        "{\"error\":\"invalid_client\",\"error_description\":\"Client authentication failed\"}";
    upstream()
        .stubFor(
            com.github.tomakehurst.wiremock.client.WireMock.post(
                    com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo(
                        "/ui-oauth/token"))
                .willReturn(
                    com.github.tomakehurst.wiremock.client.WireMock.aResponse()
                        .withStatus(401)
                        .withHeader("Content-Type", "application/json")
                        .withBody(refused)));
    browser.open("/connections/new/external-api");
    browser.fill("label", "Warehouse " + RUN);
    browser.fill("baseUrl", upstreamUrl("/ui-oauth/api"));
    browser.choose("authType", "oauth2_client_credentials");
    assertTrue(
        browser.driver.findElement(By.id("tokenUrl")).isDisplayed(), "the OAuth fields show");
    assertFalse(browser.driver.findElement(By.id("token")).isDisplayed(), "the bearer field hides");
    browser.fill("tokenUrl", upstreamUrl("/ui-oauth/token"));
    browser.fill("clientId", "warehouse-agent");
    browser.fill("clientSecret", secret);
    browser.fill("scope", "stock.read");
    browser.choose("clientAuth", "body");
    ConnectionFormPage form = new ConnectionFormPage(browser);
    form.testConnection();
    assertTrue(
        browser
            .text("#test-result .message")
            .contains("invalid_client — Client authentication failed"),
        browser.text("#test-result"));
    assertTrue(
        browser.text("#test-result .hint").startsWith("Check the client id and the client secret"));
    browser.screenshot("20-oauth-test-refused");

    upstream()
        .stubFor(
            com.github.tomakehurst.wiremock.client.WireMock.post(
                    com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo(
                        "/ui-oauth/token"))
                .willReturn(
                    com.github.tomakehurst.wiremock.client.WireMock.aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"access_token\":\"at-ui-" + RUN + "\",\"expires_in\":600}")));
    upstream()
        .stubFor(
            com.github.tomakehurst.wiremock.client.WireMock.get(
                    com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/ui-oauth/api"))
                .withHeader(
                    "Authorization",
                    com.github.tomakehurst.wiremock.client.WireMock.equalTo("Bearer at-ui-" + RUN))
                .willReturn(
                    com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(200)));
    form.testConnection();
    assertTrue(
        browser.text("#test-result").contains("Connection works"), browser.text("#test-result"));
    browser.clickAndWait(By.id("save"));
    assertEquals("/connections", browser.path(), browser.driver.getPageSource());
    assertFalse(browser.driver.getPageSource().contains(secret));

    String id = idOfRow("Warehouse " + RUN, admin());
    JsonObject auth = admin().get("/api/v1/connections/" + id).json().getJsonObject("auth");
    assertEquals("warehouse-agent", auth.getString("clientId"));
    assertEquals("body", auth.getString("clientAuth"));
    assertEquals("stock.read", auth.getString("scope"));
    browser.open("/connections/" + id + "/edit");
    assertEquals(
        upstreamUrl("/ui-oauth/token"),
        browser.driver.findElement(By.id("tokenUrl")).getDomProperty("value"));
    assertEquals("body", browser.driver.findElement(By.id("clientAuth")).getDomProperty("value"));
    assertEquals("", browser.driver.findElement(By.id("clientSecret")).getDomProperty("value"));
    assertEquals(
        "stored — leave blank to keep",
        browser.driver.findElement(By.id("clientSecret")).getDomAttribute("placeholder"));
    assertFalse(browser.driver.getPageSource().contains(secret));
  }
}
