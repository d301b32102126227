package com.opstower.ui.security;

import com.opstower.user.entity.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import java.util.Set;

/**
 * Form login for the UI. The password check itself happens in {@link LoginController} (CSRF
 * protected, PBKDF2 through {@code UserService}); this mechanism turns the session it leaves behind
 * into the caller of each UI request and sends everyone else to the login page.
 *
 * <p>It never acts on {@code /api/*} or the MicroProfile endpoints: the API authenticates bearer
 * tokens itself and must never accept a browser session.
 */
@ApplicationScoped
public class FormLoginMechanism implements HttpAuthenticationMechanism {

  @Override
  public AuthenticationStatus validateRequest(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    String path = pathOf(request);
    if (UiPaths.isForeign(path)) {
      return context.doNothing();
    }
    Optional<String> user = SessionLogin.user(request);
    if (user.isPresent()) {
      return context.notifyContainerAboutLogin(user.get(), Set.of(User.ROLE_ADMIN));
    }
    if (UiPaths.isOpen(path)) {
      return context.doNothing();
    }
    return context.redirect(request.getContextPath() + UiPaths.LOGIN);
  }

  private static String pathOf(HttpServletRequest request) {
    String uri = request.getRequestURI();
    String context = request.getContextPath();
    String path = uri.startsWith(context) ? uri.substring(context.length()) : uri;
    return path.isEmpty() ? "/" : path;
  }
}
