package com.opstower.openapi;

import com.opstower.connection.entity.ApiOperation;
import com.opstower.connection.entity.DocsKind;
import java.util.List;

/**
 * What a documentation URL served, read: its kind, title and operations (under the base path, in
 * document order), how many there were, and a message for the person who set the URL up.
 */
public record DocsReading(
    DocsKind kind,
    String title,
    List<ApiOperation> operations,
    int operationCount,
    String message) {

  public DocsReading {
    operations = List.copyOf(operations);
  }

  static DocsReading text(String message) {
    return new DocsReading(DocsKind.TEXT, null, List.of(), 0, message);
  }

  public static DocsReading error(String message) {
    return new DocsReading(DocsKind.ERROR, null, List.of(), 0, message);
  }
}
