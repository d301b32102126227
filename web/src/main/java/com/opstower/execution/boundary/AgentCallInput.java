package com.opstower.execution.boundary;

import com.opstower.api.JsonInput;
import com.opstower.execution.request.AgentCall;
import com.opstower.execution.request.OutboundBody;
import com.opstower.problem.ProblemCode;
import com.opstower.problem.ProblemException;
import com.opstower.problem.ProblemException.FieldError;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the tool arguments of an agent request. Query and header values may be strings; numbers and
 * booleans are taken as their JSON text because language models often send {@code "page": 2}.
 */
public final class AgentCallInput {

  private static final Set<String> FIELDS =
      Set.of("method", "path", "query", "headers", "body", "contentType");

  private AgentCallInput() {}

  public static AgentCall read(String json) {
    JsonInput input = JsonInput.parse(json, FIELDS);
    String method = input.string("method");
    if (method == null) {
      throw invalid("method", "Give 'method': one of GET, POST, PUT, PATCH, DELETE.");
    }
    String path = input.string("path");
    if (path == null) {
      throw invalid("path", "Give 'path', relative to the connection's base URL, e.g. \"/items\".");
    }
    return new AgentCall(
        method,
        path,
        query(input.raw("query")),
        headers(input.raw("headers")),
        body(input.raw("body"), input.string("contentType")));
  }

  private static Map<String, List<String>> query(JsonValue value) {
    Map<String, List<String>> query = new LinkedHashMap<>();
    if (value == null || value == JsonValue.NULL) {
      return query;
    }
    if (value.getValueType() != JsonValue.ValueType.OBJECT) {
      throw invalid("query", "'query' must be an object of strings or arrays of strings.");
    }
    value
        .asJsonObject()
        .forEach(
            (name, item) -> {
              List<String> values = new ArrayList<>();
              if (item.getValueType() == JsonValue.ValueType.ARRAY) {
                item.asJsonArray()
                    .forEach(
                        element -> values.add(scalar("query." + JsonInput.safe(name), element)));
              } else {
                values.add(scalar("query." + JsonInput.safe(name), item));
              }
              query.put(name, values);
            });
    return query;
  }

  private static Map<String, String> headers(JsonValue value) {
    Map<String, String> headers = new LinkedHashMap<>();
    if (value == null || value == JsonValue.NULL) {
      return headers;
    }
    if (value.getValueType() != JsonValue.ValueType.OBJECT) {
      throw invalid("headers", "'headers' must be an object of strings.");
    }
    value
        .asJsonObject()
        .forEach(
            (name, item) -> headers.put(name, scalar("headers." + JsonInput.safe(name), item)));
    return headers;
  }

  private static OutboundBody body(JsonValue value, String contentType) {
    if (value == null || value == JsonValue.NULL) {
      return OutboundBody.none();
    }
    if (value instanceof JsonString text) {
      return OutboundBody.text(text.getString(), contentType);
    }
    return OutboundBody.json(value.toString(), contentType);
  }

  private static String scalar(String field, JsonValue value) {
    if (value instanceof JsonString text) {
      return text.getString();
    }
    if (value instanceof JsonNumber number) {
      return number.toString();
    }
    if (value == JsonValue.TRUE || value == JsonValue.FALSE) {
      return value.toString();
    }
    throw invalid(field, "'" + field + "' values must be strings.");
  }

  private static ProblemException invalid(String field, String message) {
    return new ProblemException(
        ProblemCode.INVALID_REQUEST, message, List.of(new FieldError(field, message)));
  }
}
