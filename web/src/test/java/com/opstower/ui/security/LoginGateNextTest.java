package com.opstower.ui.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.opstower.ui.FakeServlet;
import com.opstower.ui.FakeServlet.Recorded;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The login redirect carries the page asked for, when sign-in may return there. */
class LoginGateNextTest {

  private static String redirectOf(String method, String uri, String query) throws Exception {
    Recorded recorded = new Recorded();
    boolean admitted =
        LoginGate.admit(
            FakeServlet.request(method, uri, query, null, false),
            FakeServlet.response(recorded),
            user -> Optional.empty());
    assertFalse(admitted, "no session, no page");
    return recorded.redirect;
  }

  @ParameterizedTest
  @CsvSource(
      value = {
        "/agents | | /agents",
        "/agents/0b6f2c1e | | /agents/0b6f2c1e",
        "/activity | agent=x&page=2 | /activity?agent=x&page=2",
        "/connections/new/external-api | | /connections/new/external-api"
      },
      delimiter = '|')
  void aSignedOutGetIsSentToLoginWithTheLinkEncoded(String uri, String query, String next)
      throws Exception {
    String location = redirectOf("GET", uri, query);
    assertTrue(location.startsWith("/login?next="), location);
    String param = location.substring("/login?next=".length());
    assertFalse(param.contains("/") || param.contains("&") || param.contains("?"), param);
    assertEquals(next, URLDecoder.decode(param, StandardCharsets.UTF_8));
    URI.create(location);
  }

  @ParameterizedTest
  @CsvSource(
      value = {
        "POST | /tokens | ",
        "POST | /agents/x | ",
        "GET | / | ",
        "GET | /login/x | ",
        "GET | //evil.com | ",
        "GET | /agents%2F%2Fevil.com | ",
        "GET | /agents | q=%0d%0aSet-Cookie:x",
        "GET | /agents;jsessionid=1 | "
      },
      delimiter = '|')
  void anythingElseIsSentToPlainLogin(String method, String uri, String query) throws Exception {
    assertEquals("/login", redirectOf(method, uri, query));
  }

  @Test
  void aSessionEndedByAPasswordChangeKeepsTheLinkToo() throws Exception {
    Map<String, Object> attributes = FakeServlet.attributes();
    SessionLogin.signIn(
        FakeServlet.request("POST", "/login", null, FakeServlet.session(attributes), false),
        "admin",
        "old-stamp");
    Recorded recorded = new Recorded();
    boolean admitted =
        LoginGate.admit(
            FakeServlet.request("GET", "/agents", null, FakeServlet.session(attributes), false),
            FakeServlet.response(recorded),
            user -> Optional.of("new-stamp"));
    assertFalse(admitted);
    assertEquals("/login?passwordChanged&next=%2Fagents", recorded.redirect);
  }

  @Test
  void theLoginPageAndTheApiAreNeverRedirected() throws Exception {
    for (String path : new String[] {"/login", "/api/v1/tokens", "/assets/app.js"}) {
      Recorded recorded = new Recorded();
      assertTrue(
          LoginGate.admit(
              FakeServlet.request("GET", path, "next=//evil.com", null, false),
              FakeServlet.response(recorded),
              user -> Optional.empty()),
          path);
      assertEquals(null, recorded.redirect, path);
    }
  }

  @Test
  void nextIsOnlyForGets() {
    assertEquals(Optional.of("/agents"), LoginGate.next("GET", "/agents", null));
    assertEquals(Optional.of("/agents?a=1"), LoginGate.next("GET", "/agents", "a=1"));
    assertEquals(Optional.empty(), LoginGate.next("POST", "/agents", null));
    assertEquals(Optional.empty(), LoginGate.next("HEAD", "/agents", null));
    assertEquals(Optional.empty(), LoginGate.next("GET", "/", null));
  }
}
