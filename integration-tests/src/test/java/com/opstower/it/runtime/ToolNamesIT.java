package com.opstower.it.runtime;

import static com.opstower.it.Bodies.json;
import static com.opstower.it.Bodies.noAuth;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.opstower.it.Bodies;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Stable tool names: a second connection with the same label does not take the plain name over —
 * the one enabled first on the agent keeps it —, a new label renames nothing, and deleting a
 * connection does not shift another's name. The MCP tool list shows the same names.
 */
@ExtendWith(ArquillianExtension.class)
class ToolNamesIT extends RuntimeFixture {

  private final String run = UUID.randomUUID().toString().substring(0, 6);

  private String labelled(String label) {
    return connection(Bodies.connection(label, upstreamUrl("/v1"), noAuth()));
  }

  /** Tool name by connection id, as {@code GET …/tools} gives them. */
  private List<String> names(String agent, String... connections) {
    List<JsonObject> tools =
        agentApi.get("/api/v1/agents/" + agent + "/tools").array().getValuesAs(JsonObject.class);
    return List.of(connections).stream()
        .map(
            c ->
                tools.stream()
                    .filter(t -> t.getString("connectionId").equals(c))
                    .map(t -> t.getJsonObject("function").getString("name"))
                    .findFirst()
                    .orElse(null))
        .toList();
  }

  private void enable(String agent, String connection) {
    assertEquals(
        204, admin.put("/api/v1/agents/" + agent + "/connections/" + connection, null).status());
  }

  @Test
  void theConnectionEnabledFirstKeepsThePlainNameWhateverWasCreatedFirst() {
    String older = labelled("Billing " + run);
    String newer = labelled("Billing " + run);
    String agent = agentWith();
    enable(agent, newer);
    String plain = "billing_" + run.toLowerCase();
    assertEquals(List.of(plain), names(agent, newer));
    enable(agent, older);
    assertEquals(List.of(plain, plain + "_2"), names(agent, newer, older), "newer was there first");

    // another agent that enables them the other way round names them the other way round
    String other = agentWith();
    enable(other, older);
    enable(other, newer);
    assertEquals(List.of(plain, plain + "_2"), names(other, older, newer));
  }

  @Test
  void aNewLabelOrADeletedTwinRenamesNothing() {
    String first = labelled("Ledger " + run);
    String second = labelled("Ledger " + run);
    String agent = agentWith(first, second);
    String plain = "ledger_" + run.toLowerCase();
    assertEquals(List.of(plain, plain + "_2"), names(agent, first, second));

    JsonObject relabelled =
        admin
            .put(
                "/api/v1/connections/" + first,
                json(Bodies.connection("General ledger " + run, upstreamUrl("/v1"), noAuth())))
            .json();
    assertEquals("General ledger " + run, relabelled.getString("label"));
    assertEquals(
        List.of(plain, plain + "_2"), names(agent, first, second), "the label changed only");

    assertEquals(204, admin.delete("/api/v1/connections/" + first).status());
    assertEquals(
        List.of(plain + "_2"), names(agent, second), "the twin keeps its name: prompts still work");

    // a connection enabled later on a fresh agent starts from the name it was created with
    String fresh = agentWith(second);
    assertEquals(List.of(plain), names(fresh, second));
  }

  @Test
  void mcpListsTheSameNames() {
    String a = labelled("Crm " + run);
    String b = labelled("Crm " + run);
    String agent = agentWith();
    enable(agent, b);
    enable(agent, a);
    List<String> viaMcp =
        agentApi
            .post(
                "/api/v1/agents/" + agent + "/mcp",
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}")
            .json()
            .getJsonObject("result")
            .getJsonArray("tools")
            .getValuesAs(JsonObject.class)
            .stream()
            .map(t -> t.getString("name"))
            .sorted()
            .toList();
    assertEquals(names(agent, b, a).stream().sorted().toList(), viaMcp);
  }
}
