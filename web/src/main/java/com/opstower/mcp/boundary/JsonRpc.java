package com.opstower.mcp.boundary;

import jakarta.json.Json;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObject;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParserFactory;
import java.util.Map;

/** JSON-RPC 2.0 answers (https://www.jsonrpc.org/specification) and the error codes MCP uses. */
final class JsonRpc {

  static final int PARSE_ERROR = -32700;
  static final int INVALID_REQUEST = -32600;
  static final int METHOD_NOT_FOUND = -32601;
  static final int INVALID_PARAMS = -32602;

  static final JsonBuilderFactory JSON = Json.createBuilderFactory(Map.of());
  static final JsonReaderFactory READERS = Json.createReaderFactory(Map.of());
  static final JsonParserFactory PARSERS = Json.createParserFactory(Map.of());

  private JsonRpc() {}

  static JsonObject result(JsonValue id, JsonObject result) {
    return JSON.createObjectBuilder()
        .add("jsonrpc", "2.0")
        .add("id", id)
        .add("result", result)
        .build();
  }

  /** An error answer; {@code id} is {@link JsonValue#NULL} when the request's id is unknown. */
  static JsonObject error(JsonValue id, int code, String message) {
    return JSON.createObjectBuilder()
        .add("jsonrpc", "2.0")
        .add("id", id)
        .add("error", JSON.createObjectBuilder().add("code", code).add("message", message))
        .build();
  }

  /** A failure that ends the exchange with an error answer. */
  static final class Failure extends RuntimeException {
    final int code;
    final int httpStatus;

    Failure(int code, int httpStatus, String message) {
      super(message, null, false, false);
      this.code = code;
      this.httpStatus = httpStatus;
    }

    static Failure invalidParams(String message) {
      return new Failure(INVALID_PARAMS, 200, message);
    }

    static Failure invalidRequest(String message) {
      return new Failure(INVALID_REQUEST, 400, message);
    }
  }
}
