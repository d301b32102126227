package com.opstower.bench;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The few {@code /api/v1} calls that prepare a run: a connection to the upstream without
 * authentication, an agent with it enabled, and a token with scope {@code agent} only (the calls
 * under test are what an agent engine would send).
 */
final class OpsTowerApi {

  /** What the setup produced; {@code agentToken} is a secret and never printed. */
  record Target(String agentId, String connectionId, String agentToken) {}

  private final HttpClient client;
  private final URI base;
  private final String adminToken;

  OpsTowerApi(HttpClient client, URI base, String adminToken) {
    this.client = client;
    this.base = base;
    this.adminToken = adminToken;
  }

  Target prepare(URI upstream) throws IOException, InterruptedException {
    return prepare(upstream, Json.createObjectBuilder().add("type", "none").build());
  }

  /** A connection to {@code upstream} with {@code auth}, an agent with it enabled, a token. */
  Target prepare(URI upstream, JsonObject auth) throws IOException, InterruptedException {
    String connectionId =
        post(
                "api/v1/connections",
                Json.createObjectBuilder()
                    .add("label", "Bench upstream")
                    .add("baseUrl", upstream.toString())
                    .add("auth", auth)
                    .build(),
                201)
            .getString("id");
    String agentId =
        post(
                "api/v1/agents",
                Json.createObjectBuilder().add("name", "bench").add("type", "custom").build(),
                201)
            .getString("id");
    send(
        HttpRequest.newBuilder(
                base.resolve("api/v1/agents/" + agentId + "/connections/" + connectionId))
            .PUT(HttpRequest.BodyPublishers.noBody()),
        204);
    String agentToken =
        post(
                "api/v1/tokens",
                Json.createObjectBuilder()
                    .add("name", "bench")
                    .add("scopes", Json.createArrayBuilder().add("agent"))
                    .build(),
                201)
            .getString("token");
    return new Target(agentId, connectionId, agentToken);
  }

  /** The call under test: {@code {"method":"GET","path":path}} through the connection. */
  HttpRequest executeRequest(Target target, String path, Duration timeout) {
    String body =
        Json.createObjectBuilder().add("method", "GET").add("path", path).build().toString();
    return HttpRequest.newBuilder(
            base.resolve(
                "api/v1/agents/"
                    + target.agentId()
                    + "/connections/"
                    + target.connectionId()
                    + "/requests"))
        .header("Authorization", "Bearer " + target.agentToken())
        .header("Content-Type", "application/json")
        .timeout(timeout)
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
  }

  static JsonObject parse(String json) {
    try (JsonReader reader = Json.createReader(new StringReader(json))) {
      return reader.readObject();
    }
  }

  private JsonObject post(String path, JsonObject body, int expected)
      throws IOException, InterruptedException {
    return parse(
        send(
            HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())),
            expected));
  }

  private String send(HttpRequest.Builder request, int expected)
      throws IOException, InterruptedException {
    HttpResponse<String> response =
        client.send(
            request
                .header("Authorization", "Bearer " + adminToken)
                .timeout(Duration.ofSeconds(30))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != expected) {
      // Only an error's problem document is shown: a success may carry a token value.
      HttpRequest sent = request.build();
      throw new IllegalStateException(
          sent.method()
              + " "
              + sent.uri().getPath()
              + " answered "
              + response.statusCode()
              + (response.statusCode() >= 400 ? ": " + response.body() : ""));
    }
    return response.body();
  }
}
