package com.opstower.ui.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Objects;
import java.util.Optional;

/**
 * The signed-in user name kept in the HTTP session, with the credential stamp of the password it
 * signed in with ({@code User.credentialStamp()}); nothing else about the login is stored. The
 * {@link LoginGate} ends a session whose stamp is no longer the user's: that is how a password
 * change signs out the user's other sessions, on any instance and without a session registry.
 */
public final class SessionLogin {

  private static final String ATTRIBUTE = "com.opstower.ui.user";
  private static final String STAMP = "com.opstower.ui.credentials";

  private SessionLogin() {}

  /** A new session id on login, so a session id planted before login is worth nothing after. */
  public static void signIn(HttpServletRequest request, String username, String credentialStamp) {
    request.getSession(true);
    request.changeSessionId();
    HttpSession session = request.getSession();
    session.setAttribute(ATTRIBUTE, username);
    session.setAttribute(STAMP, credentialStamp);
  }

  /**
   * After this session changed the password: it carries the new stamp and so stays signed in while
   * every other session of the user is ended. A new id as well, like at sign-in.
   */
  public static void credentialsChanged(HttpServletRequest request, String credentialStamp) {
    request.changeSessionId();
    request.getSession().setAttribute(STAMP, credentialStamp);
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

  /**
   * Whether the session was signed in with {@code currentStamp}; a session without a stamp (or a
   * user who no longer exists) is never current.
   */
  static boolean isCurrent(HttpServletRequest request, Optional<String> currentStamp) {
    HttpSession session = request.getSession(false);
    return session != null
        && currentStamp.isPresent()
        && Objects.equals(session.getAttribute(STAMP), currentStamp.get());
  }
}
