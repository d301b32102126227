package com.opstower.it;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;

/**
 * The request bodies of {@code /api/v1}, built with JSON-P so that every value is escaped as JSON
 * and no test writes JSON by hand. A whole body that is never extended comes as text, ready for
 * {@link Api#post}; the parts a test adds to (a connection's input, an agent's request, an auth
 * object) come as builders, and {@link #json} turns a builder into text. A builder is used up once
 * built: build each body afresh.
 *
 * <p>Tests that send malformed JSON on purpose write those bytes themselves.
 */
public final class Bodies {

  private Bodies() {}

  /** The text of {@code body}. */
  public static String json(JsonObjectBuilder body) {
    return body.build().toString();
  }

  /** An object of string members: {@code object("X-Api-Key", "k")} is {@code {"X-Api-Key":"k"}}. */
  public static JsonObjectBuilder object(String... namesAndValues) {
    if (namesAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("names and values come in pairs");
    }
    JsonObjectBuilder object = Json.createObjectBuilder();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      object.add(namesAndValues[i], namesAndValues[i + 1]);
    }
    return object;
  }

  // --- a connection's auth --------------------------------------------------------------------

  /** {@code {"type":type}}, for the members a test adds itself. */
  public static JsonObjectBuilder auth(String type) {
    return Json.createObjectBuilder().add("type", type);
  }

  public static JsonObjectBuilder noAuth() {
    return auth("none");
  }

  public static JsonObjectBuilder bearer(String token) {
    return auth("bearer").add("token", token);
  }

  public static JsonObjectBuilder apiKeyHeader(String headerName, String apiKey) {
    return auth("api_key_header").add("headerName", headerName).add("apiKey", apiKey);
  }

  public static JsonObjectBuilder basic(String username, String password) {
    return auth("basic").add("username", username).add("password", password);
  }

  public static JsonObjectBuilder queryParam(String paramName, String paramValue) {
    return auth("query_param").add("paramName", paramName).add("paramValue", paramValue);
  }

  // --- whole bodies ---------------------------------------------------------------------------

  /**
   * The input of {@code POST} and {@code PUT /api/v1/connections} (add {@code docsUrl} or {@code
   * description} to it); a null {@code label} is left out.
   */
  public static JsonObjectBuilder connection(String label, String baseUrl, JsonObjectBuilder auth) {
    JsonObjectBuilder connection = Json.createObjectBuilder();
    if (label != null) {
      connection.add("label", label);
    }
    return connection.add("baseUrl", baseUrl).add("auth", auth);
  }

  /** {@code POST /api/v1/agents}. */
  public static String agent(String name, String type) {
    return agent(name, type, null);
  }

  /** {@code POST /api/v1/agents}; a null {@code description} is left out. */
  public static String agent(String name, String type, String description) {
    JsonObjectBuilder agent = Json.createObjectBuilder().add("name", name).add("type", type);
    if (description != null) {
      agent.add("description", description);
    }
    return json(agent);
  }

  /** {@code POST /api/v1/tokens}; no scopes is an empty array. */
  public static String token(String name, String... scopes) {
    JsonArrayBuilder array = Json.createArrayBuilder();
    for (String scope : scopes) {
      array.add(scope);
    }
    return json(Json.createObjectBuilder().add("name", name).add("scopes", array));
  }

  /**
   * An agent's request ({@code POST /api/v1/agents/{id}/connections/{id}/requests}; add {@code
   * query}, {@code headers} or {@code body} to it); a null {@code path} is left out.
   */
  public static JsonObjectBuilder request(String method, String path) {
    JsonObjectBuilder request = Json.createObjectBuilder().add("method", method);
    if (path != null) {
      request.add("path", path);
    }
    return request;
  }

  /** The text of a plain {@code GET} of {@code path}. */
  public static String get(String path) {
    return json(request("GET", path));
  }
}
