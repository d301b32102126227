package com.opstower.connection.entity;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores an {@link AuthType} by its contract name, so the column reads the same as the API. */
@Converter(autoApply = true)
public class AuthTypeConverter implements AttributeConverter<AuthType, String> {

  @Override
  public String convertToDatabaseColumn(AuthType type) {
    return type == null ? null : type.wire();
  }

  @Override
  public AuthType convertToEntityAttribute(String wire) {
    return wire == null
        ? null
        : AuthType.fromWire(wire)
            .orElseThrow(() -> new IllegalStateException("Unknown auth type in database"));
  }
}
