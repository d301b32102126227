package com.opstower.tool.control;

import com.opstower.connection.entity.CallPolicy;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON schema of a tool call's arguments: the contract's schema, with a short description added
 * to each property so the model knows what to put there, and {@code method.enum} listing only the
 * methods the connection's policy allows. A fresh, mutable tree is built on every call so that no
 * caller can change another's copy.
 */
final class ToolParameters {

  private ToolParameters() {}

  static Map<String, Object> schema(CallPolicy policy) {
    Map<String, Object> properties = new LinkedHashMap<>();
    Map<String, Object> method = new LinkedHashMap<>();
    method.put("type", "string");
    method.put("enum", List.copyOf(policy.methods()));
    method.put("description", "HTTP method of the request.");
    properties.put("method", method);
    properties.put(
        "path",
        property(
            "string",
            "Path relative to the API's base URL, starting with '/', e.g. \"/invoices\". No scheme,"
                + " host, query string or fragment."));
    properties.put(
        "query",
        property(
            "object",
            "Query parameters: each value is a string or an array of strings. OpsTower encodes"
                + " them."));
    properties.put(
        "headers",
        property(
            "object",
            "Extra request headers, e.g. {\"Accept\": \"application/json\"}. Authentication,"
                + " cookie and proxy headers are refused."));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put(
        "description",
        "Request body for POST, PUT or PATCH: a JSON value is sent as JSON, a string is sent as"
            + " text. Leave it out for GET and DELETE.");
    properties.put("body", body);
    properties.put(
        "contentType",
        property(
            "string",
            "Content-Type of the body. Defaults to application/json for a JSON value and to"
                + " text/plain; charset=UTF-8 for a string."));

    Map<String, Object> schema = new LinkedHashMap<>();
    schema.put("type", "object");
    schema.put("required", List.of("method", "path"));
    schema.put("properties", properties);
    return schema;
  }

  private static Map<String, Object> property(String type, String description) {
    Map<String, Object> property = new LinkedHashMap<>();
    property.put("type", type);
    property.put("description", description);
    return property;
  }
}
