package com.opstower.ui.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.opstower.connection.control.ConnectionDraft;
import java.util.Arrays;
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

  @org.junit.jupiter.api.Test
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

  @org.junit.jupiter.api.Test
  void keepsTheTypedNonSecretFields() {
    ConnectionForm form = allSecretsTyped("api_key_header");
    form.headerName = "X-Api-Key";
    form.label = "  Billing ";
    ConnectionDraft draft = form.toDraft();
    assertEquals("X-Api-Key", draft.headerName());
    assertEquals("Billing", draft.label());
    assertEquals("https://api.example.com", draft.baseUrl());
  }
}
