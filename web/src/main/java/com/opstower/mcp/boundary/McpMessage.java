package com.opstower.mcp.boundary;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;

/**
 * One JSON-RPC 2.0 message as posted: a request ({@code id} and {@code method}), a notification
 * ({@code method} without {@code id}) or a response the client sends back (no {@code method}).
 * Batches are not part of the transport's current revisions and are refused.
 */
record McpMessage(JsonValue id, String method, JsonValue rawParams) {

  /**
   * The params object ({@code {}} when there are none).
   *
   * @throws JsonRpc.Failure {@code -32602} when they are not an object
   */
  JsonObject params() {
    if (rawParams == null || rawParams.getValueType() == JsonValue.ValueType.NULL) {
      return JsonValue.EMPTY_JSON_OBJECT;
    }
    if (rawParams instanceof JsonObject object) {
      return object;
    }
    throw JsonRpc.Failure.invalidParams("The params must be an object.");
  }

  boolean expectsAnswer() {
    return id != null && method != null;
  }

  /**
   * @throws JsonRpc.Failure {@code -32700} for text that is not one JSON value, {@code -32600} for
   *     a batch or a message that is not JSON-RPC 2.0
   */
  static McpMessage parse(String body) {
    JsonValue value;
    try (JsonParser parser = JsonRpc.PARSERS.createParser(new StringReader(body))) {
      if (!parser.hasNext()) {
        throw new JsonRpc.Failure(
            JsonRpc.PARSE_ERROR, 400, "The body is empty; send one JSON-RPC message.");
      }
      parser.next();
      value = parser.getValue();
      if (parser.hasNext()) {
        throw new JsonRpc.Failure(
            JsonRpc.PARSE_ERROR, 400, "There is more than one JSON value in the body.");
      }
    } catch (JsonParsingException | IllegalStateException malformed) {
      throw new JsonRpc.Failure(JsonRpc.PARSE_ERROR, 400, "The body is not valid JSON.");
    } catch (JsonException malformed) {
      throw new JsonRpc.Failure(JsonRpc.PARSE_ERROR, 400, "The body is not valid JSON.");
    }
    if (value.getValueType() == JsonValue.ValueType.ARRAY) {
      throw JsonRpc.Failure.invalidRequest("Batches are not supported: send one message per POST.");
    }
    if (!(value instanceof JsonObject message)) {
      throw JsonRpc.Failure.invalidRequest("A JSON-RPC message is a JSON object.");
    }
    if (!(message.get("jsonrpc") instanceof JsonString version)
        || !version.getString().equals("2.0")) {
      throw JsonRpc.Failure.invalidRequest("The message must say \"jsonrpc\": \"2.0\".");
    }
    JsonValue id = message.get("id");
    if (id != null
        && id.getValueType() != JsonValue.ValueType.STRING
        && id.getValueType() != JsonValue.ValueType.NUMBER) {
      throw JsonRpc.Failure.invalidRequest("The id must be a string or a number.");
    }
    JsonValue method = message.get("method");
    if (method != null && !(method instanceof JsonString)) {
      throw JsonRpc.Failure.invalidRequest("The method must be a string.");
    }
    if (method == null && !message.containsKey("result") && !message.containsKey("error")) {
      throw JsonRpc.Failure.invalidRequest("The message has neither a method nor a result.");
    }
    return new McpMessage(
        id, method == null ? null : ((JsonString) method).getString(), message.get("params"));
  }
}
