package com.opstower.connection.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import jakarta.persistence.Converter;
import org.junit.jupiter.api.Test;

/** How the secret column is sealed and opened is {@code crypto.control.SecretConverterTest}'s. */
class ConnectionSecretConverterTest {

  @Test
  void theConnectionConverterIsAJpaConverterForTheConnectionSecretColumn() throws Exception {
    assertNotNull(ConnectionSecretConverter.class.getAnnotation(Converter.class));
    assertEquals("connection.auth_secret", ConnectionSecretConverter.FIELD);
    assertEquals(
        "connection.auth_secret",
        ConnectionSecretConverter.class.getConstructor().newInstance().field());
  }
}
