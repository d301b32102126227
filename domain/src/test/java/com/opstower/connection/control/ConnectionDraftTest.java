package com.opstower.connection.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConnectionDraftTest {

  @ParameterizedTest
  @ValueSource(strings = {"bearer", "api_key_header", "basic", "query_param"})
  void toStringNeverContainsTheSecret(String type) {
    String secret = "S3cr3t-Value-9f8e7d";
    ConnectionDraft draft = Drafts.ofType(type).secret(secret).build();
    String text = draft.toString();
    assertFalse(text.contains(secret), text);
    assertFalse(text.contains("S3cr3t"), text);
    assertTrue(text.contains("secret=(entered)"), text);
  }

  @Test
  void toStringSaysWhenTheSecretIsBlank() {
    assertTrue(Drafts.bearer().secret("  ").build().toString().contains("secret=(blank)"));
  }

  @Test
  void toStringStillShowsTheOtherFields() {
    String text = Drafts.apiKey().build().toString();
    assertTrue(text.contains("label=Internal Billing API"), text);
    assertTrue(text.contains("baseUrl=https://api.example.com/v1"), text);
    assertTrue(text.contains("authType=api_key_header"), text);
    assertTrue(text.contains("headerName=X-API-Key"), text);
  }

  @Test
  void toStringHidesPasswordsTypedIntoUrls() {
    String text =
        Drafts.bearer()
            .baseUrl("https://admin:UrlPassw0rd@a.com/v1")
            .docsUrl("https://me:DocsPassw0rd@a.com/spec")
            .build()
            .toString();
    assertFalse(text.contains("UrlPassw0rd"), text);
    assertFalse(text.contains("DocsPassw0rd"), text);
    assertTrue(text.contains("https://(user-info removed)@a.com/v1"), text);
  }

  @Test
  void stripsTheSecretSoAPastedLineBreakIsNotStored() {
    assertEquals("tok-123", Drafts.bearer().secret("tok-123\n").build().secret());
    assertEquals("tok-123", Drafts.bearer().secret(" \ttok-123\r\n").build().secret());
  }

  @Test
  void keepsWhitespaceInsideTheSecret() {
    assertEquals("a b", Drafts.basic().secret("a b").build().secret());
  }

  @Test
  void stripsLabelAndDescription() {
    ConnectionDraft draft = Drafts.bearer().label("  Billing \n").description("\n Text \n").build();
    assertEquals("Billing", draft.label());
    assertEquals("Text", draft.description());
  }

  @Test
  void keepsUrlsAndIdentifiersAsTyped() {
    ConnectionDraft draft =
        Drafts.apiKey().baseUrl(" https://a.com").headerName("X-Key ").docsUrl("x ").build();
    assertEquals(" https://a.com", draft.baseUrl());
    assertEquals("X-Key ", draft.headerName());
    assertEquals("x ", draft.docsUrl());
  }

  @Test
  void turnsBlankFieldsIntoAbsentOnes() {
    ConnectionDraft draft = new ConnectionDraft(" ", "", "\t", " ", "", " ", "\n", "", "  ");
    assertNull(draft.label());
    assertNull(draft.baseUrl());
    assertNull(draft.authType());
    assertNull(draft.headerName());
    assertNull(draft.username());
    assertNull(draft.paramName());
    assertNull(draft.secret());
    assertNull(draft.docsUrl());
    assertNull(draft.description());
    assertFalse(draft.hasSecret());
  }

  @Test
  void normalisingTwiceChangesNothing() {
    ConnectionDraft draft = Drafts.bearer().secret(" t \n").label(" L ").build();
    ConnectionDraft copy =
        new ConnectionDraft(
            draft.label(),
            draft.baseUrl(),
            draft.authType(),
            draft.headerName(),
            draft.username(),
            draft.paramName(),
            draft.secret(),
            draft.docsUrl(),
            draft.description());
    assertEquals(draft, copy);
  }
}
