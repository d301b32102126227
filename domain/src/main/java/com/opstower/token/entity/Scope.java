package com.opstower.token.entity;

import java.util.Arrays;
import java.util.Optional;

/** What an API token may do: {@code admin} manages, {@code agent} runs agent calls. */
public enum Scope {
  ADMIN("admin"),
  AGENT("agent");

  private final String wire;

  Scope(String wire) {
    this.wire = wire;
  }

  public String wire() {
    return wire;
  }

  public static Optional<Scope> fromWire(String value) {
    return Arrays.stream(values()).filter(s -> s.wire.equals(value)).findFirst();
  }
}
