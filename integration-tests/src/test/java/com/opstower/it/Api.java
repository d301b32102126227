package com.opstower.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** A small HTTP client for {@code /api/v1} calls in tests, with a bearer token. */
public final class Api {

  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          // HTTP/1.1: the h2c upgrade of the JDK client can deadlock Grizzly (seen in a jstack).
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  private final URI base;
  private final String token;

  public Api(URL base, String token) {
    this(URI.create(base.toString()), token);
  }

  public Api(URI base, String token) {
    String text = base.toString();
    this.base = URI.create(text.endsWith("/") ? text : text + "/");
    this.token = token;
  }

  public Api withToken(String otherToken) {
    return new Api(base, otherToken);
  }

  public URI uri(String path) {
    return base.resolve(path.startsWith("/") ? path.substring(1) : path);
  }

  public Reply get(String path) {
    return send("GET", path, null, Map.of());
  }

  public Reply delete(String path) {
    return send("DELETE", path, null, Map.of());
  }

  public Reply post(String path, String json) {
    return send("POST", path, json, Map.of());
  }

  public Reply put(String path, String json) {
    return send("PUT", path, json, Map.of());
  }

  public Reply send(String method, String path, String body, Map<String, String> headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri(path))
            .timeout(Duration.ofSeconds(60))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    headers.forEach(request::header);
    try {
      HttpResponse<String> response =
          CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Reply(response);
    } catch (Exception failed) {
      throw new IllegalStateException(method + " " + path + " failed: " + failed, failed);
    }
  }

  /** A response with JSON accessors. */
  public record Reply(HttpResponse<String> response) {

    public int status() {
      return response.statusCode();
    }

    public String body() {
      return response.body();
    }

    public String header(String name) {
      return response.headers().firstValue(name).orElse(null);
    }

    public JsonObject json() {
      return (JsonObject) parse();
    }

    public JsonArray array() {
      return (JsonArray) parse();
    }

    /** The problem {@code code}, or null when the body is not a problem document. */
    public String code() {
      return json().getString("code", null);
    }

    private JsonStructure parse() {
      try (var reader = Json.createReader(new StringReader(body()))) {
        return reader.read();
      }
    }

    @Override
    public String toString() {
      return status() + " " + body();
    }
  }
}
