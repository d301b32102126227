package com.opstower.tool.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.opstower.connection.entity.Connection;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ToolDescriptionTest {

  private static String describe(Connection connection) {
    return ToolDefinitions.forConnections(List.of(connection), 8192, Duration.ofSeconds(15))
        .get(0)
        .function()
        .description();
  }

  @Test
  void startsWithTheDisplayNameAndBaseUrl() {
    String text = describe(Connections.labelled("Internal Billing API"));

    assertTrue(
        text.startsWith("Call the Internal Billing API REST API at https://api.example.com/v1."),
        text);
  }

  @Test
  void statesThatAuthenticationIsAutomaticAndNotToSendCredentials() {
    String text = describe(Connections.labelled("x"));

    assertTrue(text.contains("Authentication is automatic"), text);
    assertTrue(text.contains("never send credentials"), text);
    assertTrue(text.contains("Authorization header"), text);
  }

  @Test
  void explainsThatThePathIsRelativeToTheBaseUrl() {
    String text = describe(Connections.labelled("x"));

    assertTrue(text.contains("relative to the base URL"), text);
    assertTrue(text.contains("\"/invoices\" calls https://api.example.com/v1/invoices"), text);
  }

  @Test
  void quotesTheResponseCapAndTimeout() {
    String text =
        ToolDefinitions.forConnections(
                List.of(Connections.labelled("x")), 4096, Duration.ofSeconds(30))
            .get(0)
            .function()
            .description();

    assertTrue(text.contains("at most 4096 bytes"), text);
    assertTrue(text.contains("`truncated`"), text);
    assertTrue(text.contains("times out after 30 seconds."), text);
  }

  @ParameterizedTest
  @CsvSource({
    "PT15S, 15 seconds",
    "PT1S, 1 second",
    "PT2M, 120 seconds",
    "PT0.5S, 500 milliseconds",
    "PT1.25S, 1250 milliseconds"
  })
  void writesTheTimeoutInWords(Duration timeout, String expected) {
    assertEquals(expected, ToolDescription.durationText(timeout));
  }

  @Test
  void includesTheApiDescriptionAndDocumentationUrl() {
    Connection connection =
        Connections.of(
            "Billing",
            "https://api.example.com/v1",
            "https://api.example.com/openapi.json",
            "Billing data. GET /invoices?customer=ID lists invoices.");
    String text = describe(connection);

    assertTrue(
        text.contains("API description: Billing data. GET /invoices?customer=ID lists invoices."),
        text);
    assertTrue(text.contains("API documentation: https://api.example.com/openapi.json"), text);
    assertTrue(text.contains("/connections/" + connection.id() + "/docs"), text);
  }

  @Test
  void leavesOutDescriptionAndDocumentationWhenNotSet() {
    String text = describe(Connections.labelled("Billing"));

    assertFalse(text.contains("API description:"), text);
    assertFalse(text.contains("API documentation:"), text);
  }

  @Test
  void keepsQuotesNewlinesAndBracesOfTheDescriptionAsTheyAre() {
    String description = "Say \"hi\"\n\t{not a template} \\ 'single' </script> ${x}";
    String text = describe(Connections.of("x", "https://api.example.com", null, description));

    assertTrue(text.endsWith("API description: " + description), text);
  }

  @Test
  void neverContainsTheSecret() {
    String secret = "s3cr3t-Token-Value-7f1e";
    Connection connection = Connections.withBearerSecret("Billing " + "API", secret);
    String text = describe(connection);
    String name =
        ToolDefinitions.forConnections(List.of(connection), 8192, Duration.ofSeconds(15))
            .get(0)
            .function()
            .name();

    assertFalse(text.contains(secret), text);
    assertFalse(text.contains("s3cr3t"), text);
    assertFalse(name.contains("s3cr3t"), name);
    assertTrue(text.contains("API description: Billing data."), text);
  }
}
