package com.opstower.ui.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.opstower.ui.ViewRendering;
import com.opstower.ui.layout.Choice;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The agent page is one form: details and connection switches, one Save. */
class AgentFormViewTest {

  private static Map<String, Object> models(boolean editing) {
    Map<String, Object> models = new HashMap<>();
    AgentForm form = AgentForm.blank();
    form.name = "Analyst";
    form.description = "Reads data.";
    models.put("form", form);
    models.put("types", List.of(new Choice("analyst", "Analyst")));
    models.put("editing", editing);
    models.put("agentId", "a1");
    models.put("agentName", "Analyst");
    models.put(
        "engine",
        new EngineSetup("https://ops.example.com/api/v1/agents/a1/mcp", "opstower-analyst", null));
    models.put("engineTokens", List.of());
    models.put(
        "toggles",
        List.of(
            new ConnectionToggle("c1", "Billing", "https://billing.example.com", true, "billing"),
            new ConnectionToggle(
                "c2", "Weather", "https://weather.example.com", false, "weather")));
    return models;
  }

  private static int count(String html, String text) {
    return (int) Pattern.compile(Pattern.quote(text)).matcher(html).results().count();
  }

  @Test
  void detailsAndSwitchesAreInOneFormWithOneSave() {
    String html = ViewRendering.render("agents/form", models(true));
    assertEquals(1, count(html, "<form method=\"post\" id=\"agent-form\""), html);
    assertEquals(1, count(html, "action=\"/agents/a1\""), html);
    int form = html.indexOf("id=\"agent-form\"");
    int end = html.indexOf("</form>", form);
    String inside = html.substring(form, end);
    assertTrue(inside.contains("name=\"description\""));
    assertTrue(inside.contains("name=\"connectionId\""));
    assertTrue(inside.contains("id=\"save-agent\""));
    assertEquals(1, count(inside, "type=\"submit\""), "one Save");
    // the only other button that posts is the engine token's, in a form of its own after this one
    assertEquals(2, count(html.substring(html.indexOf("<main")), "type=\"submit\""), html);
    assertTrue(html.indexOf("action=\"/agents/a1/engine-token\"") > end, html);
    assertEquals(2, count(inside, "name=\"shownConnectionId\""));
    assertTrue(inside.contains("value=\"c1\" checked=\"checked\""), inside);
    assertTrue(!html.contains("save-connections"));
  }

  @Test
  void aNewAgentCanChooseItsConnectionsToo() {
    String html = ViewRendering.render("agents/form", models(false));
    assertTrue(html.contains("action=\"/agents\""), html);
    assertTrue(html.contains("name=\"connectionId\""), html);
    assertTrue(html.contains(">Create agent</button>"), html);
  }

  @Test
  void theEngineSectionShowsTheUrlAndConfigurationsWithAPlaceholder() {
    String html = ViewRendering.render("agents/form", models(true));
    assertTrue(html.contains("value=\"https://ops.example.com/api/v1/agents/a1/mcp\""), html);
    assertTrue(
        html.contains(
            "claude mcp add --transport http opstower-analyst"
                + " https://ops.example.com/api/v1/agents/a1/mcp --header &quot;Authorization:"
                + " Bearer &lt;token&gt;&quot;"),
        html);
    assertTrue(html.contains("id=\"no-engine-tokens\""));
  }
}
