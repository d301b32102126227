package com.opstower.connection.entity;

import java.util.Arrays;
import java.util.Optional;

/** What a connection's documentation URL turned out to serve (the contract's {@code docs.kind}). */
public enum DocsKind {
  /** An OpenAPI 3.x or Swagger 2.0 document: agents get its catalogue of operations. */
  OPENAPI("openapi"),
  /** A document that is not a spec (HTML, Markdown, …): agents get its URL. */
  TEXT("text"),
  /** No documentation URL, or not fetched yet. */
  NONE("none"),
  /** The document could not be fetched or read; the message says why. */
  ERROR("error");

  private final String wire;

  DocsKind(String wire) {
    this.wire = wire;
  }

  public String wire() {
    return wire;
  }

  public static Optional<DocsKind> fromWire(String value) {
    return Arrays.stream(values()).filter(kind -> kind.wire.equals(value)).findFirst();
  }
}
