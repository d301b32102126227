package com.opstower.ui.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Function;

/**
 * Form login for the UI. The password check itself happens in {@link LoginController} (CSRF
 * protected, throttled, PBKDF2 through {@code UserService}); the gate lets a UI request through
 * only with the session that check leaves behind, and sends everyone else to the login page.
 *
 * <p>A session signed in with a password that has since been changed is ended here, on its next
 * request. That costs one indexed read of the user per UI page (no hashing) and needs no list of
 * sessions: the stamp is derived from the stored hash, so it holds across instances and restarts.
 *
 * <p>A page asked for without a session is not lost: the login redirect carries it as {@code
 * ?next=} (GET requests only, and only what {@link UiPaths#safeNext} accepts), and a successful
 * sign-in continues there.
 *
 * <p>It never acts on {@code /api/*} or the MicroProfile endpoints: the API authenticates bearer
 * tokens itself and must never accept a browser session. A plain check in the servlet filter rather
 * than a Jakarta Security mechanism: the UI needs no container roles, and the mechanism's JASPIC
 * bridge ran (with two JNDI lookups) on every API call too.
 */
final class LoginGate {

  /** Where a session ended by a password change elsewhere is sent; the page says why. */
  static final String PASSWORD_CHANGED = UiPaths.LOGIN + "?passwordChanged";

  private LoginGate() {}

  /**
   * @param currentStamps the user's current credential stamp by username, empty when unknown
   * @return true if the request may go on; false if it was answered with a redirect to the login
   *     page
   */
  static boolean admit(
      HttpServletRequest request,
      HttpServletResponse response,
      Function<String, Optional<String>> currentStamps)
      throws IOException {
    String path = pathOf(request);
    if (UiPaths.isForeign(path) || UiPaths.isOpen(path)) {
      return true;
    }
    Optional<String> user = SessionLogin.user(request);
    Optional<String> next = next(request.getMethod(), path, request.getQueryString());
    if (user.isEmpty()) {
      response.sendRedirect(
          request.getContextPath()
              + UiPaths.LOGIN
              + next.map(n -> "?next=" + encode(n)).orElse(""));
      return false;
    }
    if (SessionLogin.isCurrent(request, currentStamps.apply(user.get()))) {
      return true;
    }
    SessionLogin.signOut(request);
    response.sendRedirect(
        request.getContextPath()
            + PASSWORD_CHANGED
            + next.map(n -> "&next=" + encode(n)).orElse(""));
    return false;
  }

  /**
   * The page to return to after sign-in: the path and query a GET asked for, if sign-in may send
   * the browser there; none for the home page, which is where sign-in goes anyway.
   */
  static Optional<String> next(String method, String path, String query) {
    if (!"GET".equals(method) || "/".equals(path)) {
      return Optional.empty();
    }
    return UiPaths.safeNext(query == null ? path : path + "?" + query);
  }

  private static String encode(String next) {
    return URLEncoder.encode(next, StandardCharsets.UTF_8);
  }

  private static String pathOf(HttpServletRequest request) {
    String uri = request.getRequestURI();
    String context = request.getContextPath();
    String path = uri.startsWith(context) ? uri.substring(context.length()) : uri;
    return path.isEmpty() ? "/" : path;
  }
}
