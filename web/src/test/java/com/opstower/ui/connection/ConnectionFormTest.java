package com.opstower.ui.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.opstower.connection.control.ConnectionDraft;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConnectionFormTest {

  private static ConnectionForm allSecretsTyped(String authType) {
    ConnectionForm form = new ConnectionForm();
    form.baseUrl = "https://api.example.com";
    form.authType = authType;
    form.token = "the-token";
    form.apiKey = "the-api-key";
    form.password = "the-password";
    form.paramValue = "the-param-value";
    return form;
  }

  /** Without script all secret inputs are shown; only the chosen type's secret may be used. */
  @ParameterizedTest
  @CsvSource({
    "bearer, the-token",
    "api_key_header, the-api-key",
    "basic, the-password",
    "query_param, the-param-value"
  })
  void usesOnlyTheSecretOfTheChosenType(String authType, String expected) {
    assertEquals(expected, allSecretsTyped(authType).toDraft().secret());
  }

  @ParameterizedTest
  @CsvSource({"none", "unknown", "''"})
  void sendsNoSecretForNoAuthOrAnUnknownType(String authType) {
    assertNull(allSecretsTyped(authType).toDraft().secret());
  }

  @Test
  void hasNoGetterThatCouldRenderASecret() {
    boolean exposes =
        Arrays.stream(ConnectionForm.class.getMethods())
            .map(m -> m.getName().toLowerCase())
            .anyMatch(
                name ->
                    name.contains("token")
                        || name.contains("apikey")
                        || name.contains("password")
                        || name.contains("paramvalue")
                        || name.contains("secret"));
    assertEquals(false, exposes);
  }

  @Test
  void keepsTheTypedNonSecretFields() {
    ConnectionForm form = allSecretsTyped("api_key_header");
    form.headerName = "X-Api-Key";
    form.label = "  Billing ";
    ConnectionDraft draft = form.toDraft();
    assertEquals("X-Api-Key", draft.headerName());
    assertEquals("Billing", draft.label());
    assertEquals("https://api.example.com", draft.baseUrl());
  }

  @Test
  void thePolicyIsWhatIsTickedAndTyped() {
    ConnectionForm form = allSecretsTyped("none");
    form.methods = List.of("GET", "DELETE");
    form.paths = "/invoices\r\n\n  /invoices/*  \n";
    ConnectionDraft.PolicyDraft policy = form.toDraft().policy();
    assertEquals(List.of("GET", "DELETE"), policy.methods());
    assertEquals(List.of("/invoices", "/invoices/*"), policy.paths());
  }

  @Test
  void readOnlyMeansGetAloneEvenWithOtherBoxesTicked() {
    ConnectionForm form = allSecretsTyped("none");
    form.methods = List.of("POST", "DELETE");
    form.readOnly = "on";
    assertEquals(List.of("GET"), form.toDraft().policy().methods());
    assertTrue(form.allows("GET"));
    assertFalse(form.allows("POST"));
  }

  @Test
  void nothingTickedIsAnEmptyListForTheValidatorToRefuse() {
    ConnectionForm form = allSecretsTyped("none");
    form.policyFields = "1";
    assertEquals(List.of(), form.toDraft().policy().methods());
    assertEquals(List.of(), form.toDraft().policy().paths(), "blank: any path");
    assertEquals(
        List.of("GET", "POST", "PUT", "PATCH", "DELETE"),
        ConnectionForm.blank().toDraft().policy().methods(),
        "a new form ticks every method");
  }

  @Test
  void aPostWithoutThePolicyFieldsSaysNothingAboutThePolicy() {
    // e.g. a page rendered before policies existed: an edit keeps the stored policy
    assertNull(allSecretsTyped("none").toDraft().policy());
    ConnectionForm asInjected = allSecretsTyped("none");
    asInjected.methods = List.of(); // how JAX-RS injects an absent list parameter
    assertNull(asInjected.toDraft().policy());
  }
}
