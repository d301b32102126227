package com.opstower.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.opstower.ui.FakeServlet.Recorded;
import com.opstower.ui.WebUiApplication.RedirectScopeCookiePath;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The flash cookie reaches the page after any POST, whatever folder the POST was in. */
class RedirectScopeCookiePathTest {

  private static final String KRAZO_COOKIE =
      WebUiApplication.REDIRECT_SCOPE_COOKIE
          + "=3f2a9c1e-0000-4000-8000-000000000001; Max-Age=600; Expires=Thu, 01-Jan-2026 00:00:00"
          + " GMT; Path=\"\"; HttpOnly";

  private static final String SESSION_COOKIE =
      "JSESSIONID=abc123; Path=/; HttpOnly; SameSite=Strict";

  private static Recorded filtered(boolean secure, String... setCookies) {
    Recorded recorded = new Recorded();
    for (String cookie : setCookies) {
      recorded.headers.add(new String[] {"Set-Cookie", cookie});
    }
    recorded.headers.add(new String[] {"Location", "http://localhost/connections"});
    RedirectScopeCookiePath filter = new RedirectScopeCookiePath();
    filter.request = FakeServlet.request("POST", "/connections/x/edit", null, null, secure);
    filter.response = FakeServlet.response(recorded);
    filter.filter(null, null);
    return recorded;
  }

  @Test
  void krazosCookieGetsTheRootPathAndTheOthersStayAsTheyWere() {
    Recorded recorded = filtered(false, SESSION_COOKIE, KRAZO_COOKIE);
    assertEquals(
        List.of(
            SESSION_COOKIE,
            WebUiApplication.REDIRECT_SCOPE_COOKIE
                + "=3f2a9c1e-0000-4000-8000-000000000001; Max-Age=600; Path=/; HttpOnly;"
                + " SameSite=Strict"),
        recorded.values("Set-Cookie"));
    assertEquals(List.of("http://localhost/connections"), recorded.values("Location"));
  }

  @Test
  void overHttpsItIsSecure() {
    Recorded recorded = filtered(true, KRAZO_COOKIE);
    String cookie = recorded.values("Set-Cookie").get(0);
    assertTrue(cookie.endsWith("; Secure"), cookie);
    assertTrue(cookie.contains("; Path=/;"), cookie);
  }

  @Test
  void responsesWithoutTheCookieAreLeftAlone() {
    Recorded recorded = filtered(false, SESSION_COOKIE, "other=1; Path=/x");
    assertEquals(List.of(SESSION_COOKIE, "other=1; Path=/x"), recorded.values("Set-Cookie"));
    assertEquals(List.of(), filtered(false).values("Set-Cookie"));
  }

  @Test
  void onlyTheRedirectScopeCookieIsRecognised() {
    assertTrue(RedirectScopeCookiePath.isRedirectScope(KRAZO_COOKIE));
    assertEquals(
        false,
        RedirectScopeCookiePath.isRedirectScope(
            "x" + WebUiApplication.REDIRECT_SCOPE_COOKIE + "=1"));
    assertEquals(
        WebUiApplication.REDIRECT_SCOPE_COOKIE
            + "=v; Max-Age=600; Path=/app; HttpOnly; SameSite=Strict",
        RedirectScopeCookiePath.withPath(
            WebUiApplication.REDIRECT_SCOPE_COOKIE + "=v", "/app", false));
  }

  @Test
  void krazoReadsTheCookieProperty() {
    assertEquals(
        Boolean.TRUE,
        new WebUiApplication().getProperties().get("org.eclipse.krazo.redirectScopeCookies"));
    assertEquals(
        WebUiApplication.REDIRECT_SCOPE_COOKIE,
        new WebUiApplication().getProperties().get("org.eclipse.krazo.redirectScopeCookieName"));
    assertTrue(new WebUiApplication().getClasses().contains(RedirectScopeCookiePath.class));
  }
}
