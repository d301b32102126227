package com.opstower.ui.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.opstower.ui.ViewRendering;
import com.opstower.ui.activity.ActivityRow;
import com.opstower.ui.agent.AgentRow;
import com.opstower.ui.connection.ConnectionRow;
import com.opstower.ui.connection.TestResultView;
import com.opstower.ui.token.TokenRow;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The views rendered by a plain Thymeleaf engine resolving them as Krazo does (folder and {@code
 * .html} suffix), with stand-ins for the beans Krazo adds ({@code mvc}, {@code me}, {@code
 * notice}): the markup that the layout, keyboard, time and destructive-styling behaviour rely on.
 */
class ViewsRenderTest {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-29T14:56:03Z"), ZoneOffset.UTC);

  private static final String LONG_LABEL = "L".repeat(100);

  private static String render(String view, Map<String, Object> models) {
    return ViewRendering.render(view, models);
  }

  private static ConnectionRow connection(String label, String baseUrl) {
    TestResultView lastTest =
        new TestResultView(true, "HTTP 200", 12, "2026-11-29 14:53:00 UTC", "OK", null);
    return new ConnectionRow(
        "c1",
        label,
        label,
        baseUrl,
        "Bearer Token",
        null,
        true,
        null,
        null,
        "GET only (read-only)",
        List.of("/invoices/*"),
        lastTest,
        UiTime.shown(Instant.parse("2026-11-29T14:53:00Z"), CLOCK),
        List.of("Analyst"));
  }

  @Test
  void theSkipLinkIsTheFirstLinkAndTargetsTheContent() {
    String html = render("connections/list", Map.of("connections", List.of()));
    Matcher firstLink = Pattern.compile("<a\\b[^>]*>").matcher(html);
    assertTrue(firstLink.find());
    assertTrue(firstLink.group().contains("href=\"#main\""), firstLink.group());
    assertTrue(firstLink.group().contains("class=\"skip-link\""), firstLink.group());
    assertTrue(html.contains("id=\"main\" tabindex=\"-1\""), "the skip link's target");
    assertTrue(html.contains("Skip to content"));
  }

  @Test
  void everyPageLinksTheFaviconAndTheSameOriginAssetsOnly() {
    for (String html :
        List.of(
            render("connections/list", Map.of("connections", List.of())),
            render("login", Map.of()))) {
      assertTrue(
          html.contains("<link rel=\"icon\" type=\"image/svg+xml\" href=\"/assets/favicon.svg\">"),
          html);
      assertTrue(html.contains("<link rel=\"stylesheet\" href=\"/assets/app.css\">"));
      assertTrue(html.contains("<script src=\"/assets/app.js\" defer></script>"));
      assertNoInlineScriptOrStyle(html);
    }
  }

  @Test
  void theSignInPageIsInTheProductsShellAndKeepsItsIds() {
    Map<String, Object> models = new HashMap<>();
    models.put("failed", true);
    models.put("throttled", "Too many failed sign-ins. Try again in 15 minutes.");
    String html = render("login", models);
    assertTrue(html.contains("class=\"shell shell-signed-out\""));
    assertTrue(html.contains("class=\"sidebar\""));
    assertTrue(html.contains("class=\"brand-name\""));
    assertTrue(html.contains("<title>Sign in · OpsTower Connections</title>"), html);
    for (String id :
        List.of("login-error", "login-throttled", "sign-in", "username", "password", "main")) {
      assertTrue(html.contains("id=\"" + id + "\""), id);
    }
    assertFalse(html.contains("id=\"logout\""), "signed out: no account block");
  }

  @Test
  void listsShowRelativeTimesWithTheFullTimeOnHover() {
    String connections =
        render("connections/list", Map.of("connections", List.of(connection("Billing", "x"))));
    assertTrue(
        connections.contains(
            "<time class=\"when tested-at\" datetime=\"2026-11-29T14:53:00Z\""
                + " title=\"2026-11-29 14:53:00 UTC\">3 min ago</time>"),
        connections);

    TokenRow never =
        new TokenRow(
            "t1",
            "ci",
            "agent",
            "Analyst",
            UiTime.shown(Instant.parse("2026-11-28T09:00:00Z"), CLOCK),
            null);
    TokenRow used =
        new TokenRow(
            "t2",
            "ops",
            "admin",
            null,
            UiTime.shown(Instant.parse("2026-11-12T09:00:00Z"), CLOCK),
            UiTime.shown(Instant.parse("2026-11-29T14:56:00Z"), CLOCK));
    Map<String, Object> tokenModels = new HashMap<>();
    tokenModels.put("tokens", List.of(never, used));
    tokenModels.put("name", "");
    String tokens = render("tokens/list", tokenModels);
    assertTrue(tokens.contains(">yesterday</time>"), tokens);
    assertTrue(tokens.contains(">12 Nov</time>"), tokens);
    assertTrue(tokens.contains(">just now</time>"), tokens);
    assertTrue(tokens.contains("<span class=\"muted\">never</span>"), tokens);

    ActivityRow call =
        new ActivityRow(
            UiTime.shown(Instant.parse("2025-06-01T08:00:00Z"), CLOCK),
            "Analyst",
            "Billing",
            "GET",
            "/invoices",
            "200",
            "ok",
            true,
            5,
            10,
            false);
    Map<String, Object> activityModels = new HashMap<>();
    activityModels.put("entries", List.of(call));
    activityModels.put("agentChoices", List.of());
    activityModels.put("connectionChoices", List.of());
    activityModels.put("agentFilter", "");
    activityModels.put("connectionFilter", "");
    activityModels.put("filtered", false);
    activityModels.put("limit", 200);
    String activity = render("activity/list", activityModels);
    assertTrue(
        activity.contains(
            "<time class=\"when at\" datetime=\"2025-06-01T08:00:00Z\""
                + " title=\"2025-06-01 08:00:00 UTC\">1 Jun 2025</time>"),
        activity);
  }

  @Test
  void tablesHaveAScrollContainerAndLabelledCellsForStackedRows() {
    String html =
        render(
            "connections/list",
            Map.of(
                "connections", List.of(connection(LONG_LABEL, "https://x/" + "a".repeat(2000)))));
    assertTrue(html.contains("<div class=\"table-scroll\">"));
    assertTrue(html.contains("<table class=\"striped stack\" id=\"connections-table\">"));
    for (String label : List.of("Name", "Base URL", "Auth", "Last test", "Agents")) {
      assertTrue(html.contains("data-label=\"" + label + "\""), label);
    }
    assertTrue(html.contains("id=\"add-connection\""));
  }

  @Test
  void deleteAndRevokeAreDestructive() {
    Map<String, Object> tokenModels = new HashMap<>();
    tokenModels.put(
        "tokens",
        List.of(new TokenRow("t1", "ci", "agent", null, UiTime.shown(Instant.EPOCH, CLOCK), null)));
    tokenModels.put("name", "");
    assertTrue(
        render("tokens/list", tokenModels).contains("class=\"destructive outline small revoke\""));

    ConnectionRow row = connection("Billing", "https://api.example.com");
    String detail = render("connections/detail", Map.of("connection", row, "tools", List.of()));
    assertTrue(
        detail.contains("role=\"button\" class=\"destructive outline\" id=\"delete-connection\""),
        detail);
    String confirm = render("connections/delete", Map.of("connection", row));
    assertTrue(
        confirm.contains("class=\"destructive\" id=\"confirm-delete\">Delete connection</button>"),
        confirm);
    String agentConfirm =
        render(
            "agents/delete",
            Map.of("agentId", "a1", "agentName", "Analyst", "connectionNames", List.of()));
    assertTrue(
        agentConfirm.contains(
            "class=\"destructive\" id=\"confirm-delete-agent\">Delete agent</button>"));
  }

  @Test
  void theAgentsEmptyStateOffersAddAgentAndExplainsTheTypes() {
    String html = render("agents/list", Map.of("agents", List.of()));
    assertTrue(
        html.contains(
            "<a href=\"/agents/new\" role=\"button\" id=\"empty-add-agent\">Add agent</a>"),
        html);
    assertTrue(html.contains("Reads data and reports."));
    assertTrue(html.contains("Investigates incidents and errors."));
    assertTrue(html.contains("Tracks usage and feedback."));
    assertTrue(html.contains("Your own instructions."));
  }

  @Test
  void eachListedAgentCarriesTheLineExplainingItsType() {
    String html =
        render(
            "agents/list",
            Map.of(
                "agents",
                List.of(
                    new AgentRow("a1", "Pat", "Product Manager", "Roadmaps", List.of("Billing")))));
    assertTrue(html.contains("Tracks usage and feedback."), html);
    assertFalse(html.contains("Reads data and reports."));
    assertFalse(html.contains("id=\"empty-agents\""));
  }

  @Test
  void theFaviconIsServedAsSvgWithoutScriptOrStyle() throws IOException {
    assertEquals("image/svg+xml", AssetsResource.mediaType("favicon.svg"));
    assertEquals("text/css; charset=UTF-8", AssetsResource.mediaType("app.css"));
    try (InputStream in =
        AssetsResource.class
            .getClassLoader()
            .getResourceAsStream("com/opstower/ui/assets/favicon.svg")) {
      String svg = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(svg.startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\""));
      assertFalse(svg.contains("<script"));
      assertFalse(svg.contains("<style"));
      assertFalse(svg.contains("style="));
    }
  }

  @Test
  void anEmptyConnectionListShowsTheEmptyStateWithAddConnection() {
    String html = render("connections/list", Map.of("connections", List.of()));
    String empty = element(html, "article", "empty-connections");
    assertTrue(empty.contains("No connections yet"), empty);
    assertTrue(
        empty.contains("<a href=\"/connections/new\" role=\"button\">Add Connection</a>"), empty);
    assertFalse(html.contains("id=\"connections-table\""), "no table without rows");
    assertTrue(html.contains("id=\"add-connection\""), "the page head keeps its button");
  }

  @Test
  void aConnectionListWithARowHasNoEmptyState() {
    String html =
        render(
            "connections/list",
            Map.of("connections", List.of(connection("Billing", "https://api.example.com"))));
    assertFalse(html.contains("id=\"empty-connections\""), html);
    assertFalse(html.contains("No connections yet"));
    assertTrue(html.contains("id=\"connections-table\""));
    assertTrue(html.contains("data-id=\"c1\""));
  }

  @Test
  void anEmptyAgentListShowsTheEmptyStateLinkingToNewAgent() {
    String html = render("agents/list", Map.of("agents", List.of()));
    String empty = element(html, "article", "empty-agents");
    assertTrue(empty.contains("No agents yet"), empty);
    assertTrue(empty.contains("href=\"/agents/new\""), empty);
    assertTrue(empty.contains("id=\"agent-types\""), empty);
    assertFalse(html.contains("id=\"agents-table\""), "no table without rows");
  }

  @Test
  void anAgentListWithARowHasNoEmptyState() {
    String html =
        render(
            "agents/list",
            Map.of("agents", List.of(new AgentRow("a1", "Ana", "Analyst", null, List.of()))));
    assertFalse(html.contains("id=\"empty-agents\""), html);
    assertFalse(html.contains("id=\"empty-add-agent\""));
    assertFalse(html.contains("No agents yet"));
    assertTrue(html.contains("id=\"agents-table\""));
    assertTrue(html.contains("data-id=\"a1\""));
    assertTrue(html.contains("id=\"new-agent\""), "the page head keeps its button");
  }

  /** The element {@code <tag … id="id" …>…</tag>}, which must occur exactly once. */
  private static String element(String html, String tag, String id) {
    Matcher matcher =
        Pattern.compile(
                "<" + tag + "\\b[^>]*\\bid=\"" + id + "\"[^>]*>.*?</" + tag + ">", Pattern.DOTALL)
            .matcher(html);
    assertTrue(matcher.find(), () -> "no " + tag + " #" + id + " in " + html);
    String found = matcher.group();
    assertFalse(matcher.find(), "#" + id + " twice");
    return found;
  }

  /** The CSP allows neither: no inline script, no style attribute or element. */
  private static void assertNoInlineScriptOrStyle(String html) {
    assertFalse(html.contains("style="), "style attribute");
    assertFalse(html.contains("<style"), "style element");
    assertFalse(Pattern.compile("<script(?![^>]*\\bsrc=)").matcher(html).find(), "inline script");
    assertFalse(Pattern.compile("\\son[a-z]+=").matcher(html).find(), "event handler attribute");
  }
}
