package com.opstower.ui.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;

/** The signed-in user name kept in the HTTP session; nothing else about the login is stored. */
public final class SessionLogin {

  private static final String ATTRIBUTE = "com.opstower.ui.user";

  private SessionLogin() {}

  /** A new session id on login, so a session id planted before login is worth nothing after. */
  public static void signIn(HttpServletRequest request, String username) {
    request.getSession(true);
    request.changeSessionId();
    request.getSession().setAttribute(ATTRIBUTE, username);
  }

  public static void signOut(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.invalidate();
    }
  }

  public static Optional<String> user(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    return session == null
        ? Optional.empty()
        : Optional.ofNullable((String) session.getAttribute(ATTRIBUTE));
  }
}
