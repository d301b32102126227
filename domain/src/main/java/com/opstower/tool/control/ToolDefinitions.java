package com.opstower.tool.control;

import com.opstower.connection.entity.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the tool list of an agent: one OpenAI-style function per connection, in the order given,
 * with names unique within the list.
 */
public final class ToolDefinitions {

  /** {@code opstower.docs.catalogue-chars}'s default, for callers that do not say. */
  public static final int DEFAULT_CATALOGUE_CHARS = 4000;

  private ToolDefinitions() {}

  /**
   * @param responseCapBytes {@code opstower.executor.max-response-bytes}, quoted to the model
   * @param timeout {@code opstower.executor.timeout}, quoted to the model
   */
  public static List<ToolDefinition> forConnections(
      List<Connection> connections, int responseCapBytes, Duration timeout) {
    return forConnections(
        connections,
        UniqueToolNames.assign(connections.stream().map(Connection::toolName).toList()),
        responseCapBytes,
        timeout,
        DEFAULT_CATALOGUE_CHARS);
  }

  /** As {@link #forConnections(List, List, int, Duration, int)} with the default catalogue size. */
  public static List<ToolDefinition> forConnections(
      List<Connection> connections, List<String> names, int responseCapBytes, Duration timeout) {
    return forConnections(connections, names, responseCapBytes, timeout, DEFAULT_CATALOGUE_CHARS);
  }

  /**
   * With the names given, one per connection (an agent's stored tool names).
   *
   * @param catalogueChars {@code opstower.docs.catalogue-chars}: the most characters of OpenAPI
   *     catalogue in one description
   */
  public static List<ToolDefinition> forConnections(
      List<Connection> connections,
      List<String> names,
      int responseCapBytes,
      Duration timeout,
      int catalogueChars) {
    if (names.size() != connections.size()) {
      throw new IllegalArgumentException("one name per connection");
    }
    if (responseCapBytes <= 0) {
      throw new IllegalArgumentException("the response cap must be positive");
    }
    if (timeout == null || timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("the timeout must be positive");
    }
    List<ToolDefinition> tools = new ArrayList<>(connections.size());
    for (int i = 0; i < connections.size(); i++) {
      Connection connection = connections.get(i);
      ToolFunction function =
          new ToolFunction(
              names.get(i),
              ToolDescription.of(connection, responseCapBytes, timeout, catalogueChars),
              ToolParameters.schema(connection.policy()));
      tools.add(new ToolDefinition(ToolDefinition.FUNCTION, connection.id(), function));
    }
    return List.copyOf(tools);
  }
}
