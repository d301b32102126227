package com.opstower.tool.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.opstower.connection.entity.Connection;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ToolDefinitionsTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(15);

  private static ToolDefinition only(Connection connection) {
    return ToolDefinitions.forConnections(List.of(connection), 8192, TIMEOUT).get(0);
  }

  @Test
  void oneFunctionPerConnectionInInputOrder() {
    Connection b = Connections.labelled("Zeta");
    Connection a = Connections.labelled("Alpha");
    List<ToolDefinition> tools = ToolDefinitions.forConnections(List.of(b, a), 8192, TIMEOUT);

    assertEquals(
        List.of(b.id(), a.id()), tools.stream().map(ToolDefinition::connectionId).toList());
    assertEquals(List.of("zeta", "alpha"), tools.stream().map(t -> t.function().name()).toList());
    tools.forEach(t -> assertEquals("function", t.type()));
  }

  @Test
  void noConnectionsGiveAnEmptyList() {
    assertEquals(List.of(), ToolDefinitions.forConnections(List.of(), 8192, TIMEOUT));
  }

  @Test
  void unlabelledConnectionIsNamedAfterItsHost() {
    ToolDefinition tool =
        only(Connections.of(null, "https://Billing.Example.com:8443/v1", null, null));

    assertEquals("billing_example_com", tool.function().name());
    assertTrue(
        tool.function()
            .description()
            .startsWith(
                "Call the billing.example.com REST API at https://billing.example.com:8443/v1."),
        tool.function().description());
  }

  @Test
  void duplicateLabelsGetUniqueNames() {
    List<ToolDefinition> tools =
        ToolDefinitions.forConnections(
            List.of(
                Connections.labelled("CRM"),
                Connections.labelled("crm"),
                Connections.labelled("C.R.M."),
                Connections.labelled("c r m")),
            8192,
            TIMEOUT);

    assertEquals(
        List.of("crm", "crm_2", "c_r_m", "c_r_m_2"),
        tools.stream().map(t -> t.function().name()).toList());
  }

  @Test
  void parametersAreTheContractSchema() {
    Map<String, Object> parameters = only(Connections.labelled("x")).function().parameters();

    assertEquals("object", parameters.get("type"));
    assertEquals(List.of("method", "path"), parameters.get("required"));
    Map<?, ?> properties = (Map<?, ?>) parameters.get("properties");
    assertEquals(
        List.of("method", "path", "query", "headers", "body", "contentType"),
        List.copyOf(properties.keySet()));
    Map<?, ?> method = (Map<?, ?>) properties.get("method");
    assertEquals("string", method.get("type"));
    assertEquals(List.of("GET", "POST", "PUT", "PATCH", "DELETE"), method.get("enum"));
    assertEquals("string", ((Map<?, ?>) properties.get("path")).get("type"));
    assertEquals("object", ((Map<?, ?>) properties.get("query")).get("type"));
    assertEquals("object", ((Map<?, ?>) properties.get("headers")).get("type"));
    assertFalse(((Map<?, ?>) properties.get("body")).containsKey("type"), "body accepts any JSON");
    assertEquals("string", ((Map<?, ?>) properties.get("contentType")).get("type"));
  }

  @Test
  void everyPropertyHasADescription() {
    Map<?, ?> properties =
        (Map<?, ?>) only(Connections.labelled("x")).function().parameters().get("properties");

    properties
        .values()
        .forEach(
            p -> {
              Object description = ((Map<?, ?>) p).get("description");
              assertTrue(description instanceof String s && !s.isBlank(), String.valueOf(p));
            });
  }

  @Test
  void parametersHoldOnlyLinkedMapsListsAndStringsForJsonB() {
    assertJsonTree(only(Connections.labelled("x")).function().parameters());
  }

  private static void assertJsonTree(Object value) {
    if (value instanceof Map<?, ?> map) {
      assertTrue(map instanceof LinkedHashMap<?, ?>, "map type " + map.getClass());
      map.forEach(
          (k, v) -> {
            assertTrue(k instanceof String, "key " + k);
            assertJsonTree(v);
          });
    } else if (value instanceof List<?> list) {
      list.forEach(ToolDefinitionsTest::assertJsonTree);
    } else if (!(value instanceof String)) {
      fail("not a JSON-B friendly value: " + value);
    }
  }

  @Test
  void eachToolGetsItsOwnSchemaTree() {
    List<ToolDefinition> tools =
        ToolDefinitions.forConnections(
            List.of(Connections.labelled("a"), Connections.labelled("b")), 8192, TIMEOUT);
    tools.get(0).function().parameters().put("type", "tampered");

    assertEquals("object", tools.get(1).function().parameters().get("type"));
    assertNotSame(tools.get(0).function().parameters(), tools.get(1).function().parameters());
  }

  @Test
  void rejectsANonPositiveCapOrTimeout() {
    List<Connection> none = List.of();
    assertThrows(
        IllegalArgumentException.class, () -> ToolDefinitions.forConnections(none, 0, TIMEOUT));
    assertThrows(
        IllegalArgumentException.class,
        () -> ToolDefinitions.forConnections(none, 8192, Duration.ZERO));
    assertThrows(
        IllegalArgumentException.class,
        () -> ToolDefinitions.forConnections(none, 8192, Duration.ofSeconds(-1)));
  }

  @Test
  void theMethodEnumAndTheDescriptionFollowThePolicy() {
    ToolFunction readOnly =
        only(Connections.withPolicy(List.of("GET"), List.of("/invoices", "/invoices/*")))
            .function();
    Map<?, ?> properties = (Map<?, ?>) readOnly.parameters().get("properties");
    assertEquals(List.of("GET"), ((Map<?, ?>) properties.get("method")).get("enum"));
    assertTrue(readOnly.description().contains("read-only"), readOnly.description());
    assertTrue(
        readOnly.description().contains("/invoices, /invoices/*"), "names the allowed paths");

    ToolFunction some = only(Connections.withPolicy(List.of("POST", "GET"), null)).function();
    Map<?, ?> someProperties = (Map<?, ?>) some.parameters().get("properties");
    assertEquals(List.of("GET", "POST"), ((Map<?, ?>) someProperties.get("method")).get("enum"));
    assertTrue(some.description().contains("Allowed methods: GET, POST."), some.description());
    assertFalse(some.description().contains("Allowed paths"), "no path list when any path goes");

    String open = only(Connections.labelled("x")).function().description();
    assertFalse(open.contains("Allowed"), open);
  }
}
