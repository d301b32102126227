package com.opstower.agent.entity;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of OpsTower agent; {@code wire} is the contract's name. */
public enum AgentType {
  ANALYST("analyst", "Analyst"),
  DEBUGGER("debugger", "Debugger"),
  PRODUCT_MANAGER("product_manager", "Product Manager"),
  CUSTOM("custom", "Custom");

  private final String wire;
  private final String displayName;

  AgentType(String wire, String displayName) {
    this.wire = wire;
    this.displayName = displayName;
  }

  public String wire() {
    return wire;
  }

  public String displayName() {
    return displayName;
  }

  public static Optional<AgentType> fromWire(String value) {
    return Arrays.stream(values()).filter(t -> t.wire.equals(value)).findFirst();
  }
}
