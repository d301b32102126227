package com.opstower.it;

import static com.opstower.it.Bodies.agent;
import static com.opstower.it.Bodies.auth;
import static com.opstower.it.Bodies.bearer;
import static com.opstower.it.Bodies.connection;
import static com.opstower.it.Bodies.json;
import static com.opstower.it.Bodies.noAuth;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code /api/v1/connections} over HTTP against the deployed WAR. */
@ExtendWith(ArquillianExtension.class)
class ConnectionsApiIT extends DeployedApp {

  @ArquillianResource URL base;

  private final List<String> bodiesSeen = new ArrayList<>();

  private Api admin() {
    return new Api(base, ADMIN_TOKEN);
  }

  private Api.Reply remember(Api.Reply reply) {
    bodiesSeen.add(reply.body());
    return reply;
  }

  private static String secret() {
    return "s3cr3t-" + UUID.randomUUID();
  }

  private static String input(String label, String baseUrl, JsonObjectBuilder auth) {
    return json(
        connection(label, baseUrl, auth)
            .add("docsUrl", "https://api.example.com/openapi.json")
            .add("description", "Billing data. GET /invoices lists invoices."));
  }

  @Test
  void createsReadsListsAndNeverReturnsTheSecret() {
    String token = secret();
    Api.Reply created =
        remember(
            admin()
                .post(
                    "/api/v1/connections",
                    input("Billing", "https://api.example.com/v1", bearer(token))));
    assertEquals(201, created.status(), created.body());
    JsonObject connection = created.json();
    String id = connection.getString("id");
    assertTrue(created.header("Location").endsWith("/api/v1/connections/" + id));
    assertEquals("external_api", connection.getString("type"));
    assertEquals("https://api.example.com/v1", connection.getString("baseUrl"));
    assertEquals("bearer", connection.getJsonObject("auth").getString("type"));
    assertTrue(connection.getJsonObject("auth").getBoolean("secretSet"));
    assertEquals(JsonValue.NULL, connection.get("lastTest"));
    assertNotNull(connection.getString("createdAt"));

    Api.Reply read = remember(admin().get("/api/v1/connections/" + id));
    assertEquals(200, read.status());
    assertEquals("Billing", read.json().getString("label"));
    Api.Reply list = remember(admin().get("/api/v1/connections"));
    assertTrue(list.body().contains(id));

    for (String body : bodiesSeen) {
      assertFalse(body.contains(token), "secret leaked: " + body);
      assertFalse(body.contains(token.substring(0, 10)), "secret prefix leaked");
    }
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "api_key_header|headerName|X-API-Key|apiKey",
        "basic|username|svc-user|password",
        "query_param|paramName|api_key|paramValue"
      })
  void eachAuthTypeReturnsItsNonSecretField(
      String type, String field, String value, String secretField) {
    String secret = secret();
    JsonObjectBuilder auth = auth(type).add(field, value).add(secretField, secret);
    Api.Reply created =
        admin().post("/api/v1/connections", input("Auth " + type, "https://api.example.com", auth));
    assertEquals(201, created.status(), created.body());
    JsonObject returned = created.json().getJsonObject("auth");
    assertEquals(type, returned.getString("type"));
    assertEquals(value, returned.getString(field));
    assertTrue(returned.getBoolean("secretSet"));
    assertFalse(created.body().contains(secret));
  }

  @Test
  void noAuthHasNoSecret() {
    Api.Reply created =
        admin()
            .post(
                "/api/v1/connections",
                json(connection(null, "https://status.example.org", noAuth())));
    assertEquals(201, created.status(), created.body());
    assertEquals(JsonValue.NULL, created.json().get("label"));
    assertFalse(created.json().getJsonObject("auth").containsKey("secretSet"));
  }

  // Each input is wrong in one field; sent exactly as written.
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          {"baseUrl":"javascript:alert(1)","auth":{"type":"none"}} | baseUrl
          {"baseUrl":"file:///etc/passwd","auth":{"type":"none"}} | baseUrl
          {"baseUrl":"https://a.example.com?x=1","auth":{"type":"none"}} | baseUrl
          {"baseUrl":"https://user:pw@a.example.com","auth":{"type":"none"}} | baseUrl
          {"auth":{"type":"none"}} | baseUrl
          {"baseUrl":"https://a.example.com","auth":{"type":"bearer"}} | auth.token
          {"baseUrl":"https://a.example.com","auth":{"type":"api_key_header","headerName":"Authorization","apiKey":"k"}} | auth.headerName
          {"baseUrl":"https://a.example.com","auth":{"type":"oauth"}} | auth.type
          {"baseUrl":"https://a.example.com","auth":{"type":"none"},"docsUrl":"javascript:x"} | docsUrl
          {"baseUrl":"https://a.example.com","auth":{"type":"none"},"label":5} | label
          {"baseUrl":"https://a.example.com","auth":{"type":"none"},"colour":"red"} | colour
          """)
  void invalidInputNamesTheField(String body, String field) {
    Api.Reply reply = admin().post("/api/v1/connections", body);
    assertEquals(400, reply.status(), reply.body());
    assertEquals("invalid-request", reply.code());
    assertTrue(reply.body().contains("\"field\":\"" + field + "\""), reply.body());
  }

  @Test
  void tooLongLabelAndDescriptionAreRefused() {
    String body =
        json(
            connection("x".repeat(101), "https://a.example.com", noAuth())
                .add("description", "y".repeat(4001)));
    Api.Reply reply = admin().post("/api/v1/connections", body);
    assertEquals(400, reply.status());
    assertTrue(reply.body().contains("\"field\":\"label\""));
    assertTrue(reply.body().contains("\"field\":\"description\""));
  }

  @Test
  void malformedBodiesAreProblemsNotErrors() {
    for (String body : new String[] {"{not json", "[]", "\"text\"", "", "{\"auth\":[]}"}) {
      Api.Reply reply = admin().post("/api/v1/connections", body);
      assertEquals(400, reply.status(), body + " -> " + reply.body());
      assertEquals("invalid-request", reply.code());
      assertFalse(reply.body().contains("Exception"), reply.body());
    }
  }

  @Test
  void updateKeepsSecretWhenAbsentButNotAcrossOrigins() {
    String token = secret();
    String id =
        admin()
            .post("/api/v1/connections", input("Keep", "https://api.example.com/v1", bearer(token)))
            .json()
            .getString("id");

    Api.Reply samOrigin =
        admin()
            .put(
                "/api/v1/connections/" + id,
                input("Kept", "https://api.example.com/v2", auth("bearer")));
    assertEquals(200, samOrigin.status(), samOrigin.body());
    assertEquals("Kept", samOrigin.json().getString("label"));
    assertTrue(samOrigin.json().getJsonObject("auth").getBoolean("secretSet"));

    Api.Reply newOrigin =
        admin()
            .put(
                "/api/v1/connections/" + id,
                input("Moved", "https://other.example.net/v2", auth("bearer").addNull("token")));
    assertEquals(400, newOrigin.status(), newOrigin.body());
    assertEquals("invalid-request", newOrigin.code());
    assertTrue(newOrigin.body().contains("\"field\":\"auth.token\""));
    assertEquals(
        "https://api.example.com/v2",
        admin().get("/api/v1/connections/" + id).json().getString("baseUrl"),
        "a refused update changes nothing");

    Api.Reply reentered =
        admin()
            .put(
                "/api/v1/connections/" + id,
                input("Moved", "https://other.example.net/v2", bearer(secret())));
    assertEquals(200, reentered.status(), reentered.body());
    assertEquals("https://other.example.net/v2", reentered.json().getString("baseUrl"));
  }

  @Test
  void deleteRemovesTheConnectionFromAgents() {
    String id =
        admin()
            .post("/api/v1/connections", input("Doomed", "https://doomed.example.com", noAuth()))
            .json()
            .getString("id");
    String agent =
        admin()
            .post("/api/v1/agents", agent("agent-" + UUID.randomUUID(), "analyst"))
            .json()
            .getString("id");
    assertEquals(204, admin().put("/api/v1/agents/" + agent + "/connections/" + id, null).status());
    assertTrue(admin().get("/api/v1/agents/" + agent).body().contains(id));

    assertEquals(204, admin().delete("/api/v1/connections/" + id).status());
    Api.Reply gone = admin().get("/api/v1/connections/" + id);
    assertEquals(404, gone.status());
    assertEquals("not-found", gone.code());
    assertFalse(admin().get("/api/v1/agents/" + agent).body().contains(id));
  }

  @Test
  void unknownIdsAreNotFound() {
    assertEquals("not-found", admin().get("/api/v1/connections/" + UUID.randomUUID()).code());
    assertEquals(404, admin().delete("/api/v1/connections/nope").status());
    Api.Reply put =
        admin().put("/api/v1/connections/nope", input("x", "https://a.example.com", noAuth()));
    assertEquals(404, put.status());
  }

  @Test
  void listIsOrderedByLabelOrHost() {
    String tag = UUID.randomUUID().toString().substring(0, 8);
    admin().post("/api/v1/connections", input("zz-" + tag, "https://z.example.com", noAuth()));
    admin().post("/api/v1/connections", input("aa-" + tag, "https://a.example.com", noAuth()));
    String list = admin().get("/api/v1/connections").body();
    assertTrue(list.indexOf("aa-" + tag) < list.indexOf("zz-" + tag));
  }
}
