package com.opstower.ui.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Form login for the UI. The password check itself happens in {@link LoginController} (CSRF
 * protected, PBKDF2 through {@code UserService}); the gate lets a UI request through only with the
 * session that check leaves behind, and sends everyone else to the login page.
 *
 * <p>It never acts on {@code /api/*} or the MicroProfile endpoints: the API authenticates bearer
 * tokens itself and must never accept a browser session. A plain check in the servlet filter rather
 * than a Jakarta Security mechanism: the UI needs no container roles, and the mechanism's JASPIC
 * bridge ran (with two JNDI lookups) on every API call too.
 */
final class LoginGate {

  private LoginGate() {}

  /**
   * @return true if the request may go on; false if it was answered with a redirect to the login
   *     page
   */
  static boolean admit(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String path = pathOf(request);
    if (UiPaths.isForeign(path) || UiPaths.isOpen(path) || SessionLogin.user(request).isPresent()) {
      return true;
    }
    response.sendRedirect(request.getContextPath() + UiPaths.LOGIN);
    return false;
  }

  private static String pathOf(HttpServletRequest request) {
    String uri = request.getRequestURI();
    String context = request.getContextPath();
    String path = uri.startsWith(context) ? uri.substring(context.length()) : uri;
    return path.isEmpty() ? "/" : path;
  }
}
