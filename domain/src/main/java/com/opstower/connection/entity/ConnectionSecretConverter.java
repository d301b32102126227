package com.opstower.connection.entity;

import com.opstower.crypto.control.SecretConverter;
import com.opstower.crypto.entity.SealedSecret;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/**
 * The credential column of a connection. It names {@link AttributeConverter} again although its
 * superclass implements it: EclipseLink reads the converter's types from the class's own interfaces
 * and fails at deployment without them.
 */
@Converter
public class ConnectionSecretConverter extends SecretConverter
    implements AttributeConverter<SealedSecret, String> {

  public static final String FIELD = "connection.auth_secret";

  public ConnectionSecretConverter() {
    super(FIELD);
  }
}
