package com.opstower.execution.credential;

import java.util.Objects;

/**
 * The connection's {@code query_param} credential: sent as the last query parameter. The value is a
 * secret and never appears in {@link #toString()}.
 */
public record QueryCredential(String name, String value) {

  public QueryCredential {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
    if (name.isEmpty()) {
      throw new IllegalArgumentException("The credential's parameter name is empty.");
    }
  }

  @Override
  public String toString() {
    return "QueryCredential[name=" + name + ", value=(hidden)]";
  }
}
