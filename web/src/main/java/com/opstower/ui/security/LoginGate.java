package com.opstower.ui.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
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
    if (user.isEmpty()) {
      response.sendRedirect(request.getContextPath() + UiPaths.LOGIN);
      return false;
    }
    if (SessionLogin.isCurrent(request, currentStamps.apply(user.get()))) {
      return true;
    }
    SessionLogin.signOut(request);
    response.sendRedirect(request.getContextPath() + PASSWORD_CHANGED);
    return false;
  }

  private static String pathOf(HttpServletRequest request) {
    String uri = request.getRequestURI();
    String context = request.getContextPath();
    String path = uri.startsWith(context) ? uri.substring(context.length()) : uri;
    return path.isEmpty() ? "/" : path;
  }
}
