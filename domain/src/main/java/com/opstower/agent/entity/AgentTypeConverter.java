package com.opstower.agent.entity;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores an {@link AgentType} by its contract name. */
@Converter(autoApply = true)
public class AgentTypeConverter implements AttributeConverter<AgentType, String> {

  @Override
  public String convertToDatabaseColumn(AgentType type) {
    return type == null ? null : type.wire();
  }

  @Override
  public AgentType convertToEntityAttribute(String wire) {
    return wire == null
        ? null
        : AgentType.fromWire(wire)
            .orElseThrow(() -> new IllegalStateException("Unknown agent type in database"));
  }
}
