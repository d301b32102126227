package com.opstower.ui;

import com.opstower.ui.account.AccountController;
import com.opstower.ui.activity.ActivityController;
import com.opstower.ui.agent.AgentsController;
import com.opstower.ui.connection.ConnectionFormController;
import com.opstower.ui.connection.ConnectionsController;
import com.opstower.ui.layout.AssetsResource;
import com.opstower.ui.layout.ErrorPages;
import com.opstower.ui.layout.RootController;
import com.opstower.ui.security.LoginController;
import com.opstower.ui.token.TokensController;
import jakarta.annotation.Priority;
import jakarta.mvc.security.Csrf;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The web UI at the context root. Classes are listed explicitly, as in {@code ApiApplication}: both
 * applications live in one WAR and have paths such as {@code connections}, so scanning would mount
 * each one's resources in the other.
 */
@ApplicationPath("/")
public class WebUiApplication extends Application {

  @Override
  public Set<Class<?>> getClasses() {
    return Set.of(
        RootController.class,
        LoginController.class,
        AccountController.class,
        ConnectionsController.class,
        ConnectionFormController.class,
        AgentsController.class,
        TokensController.class,
        ActivityController.class,
        AssetsResource.class,
        ErrorPages.ForCsrf.class,
        ErrorPages.ForProblems.class,
        ErrorPages.ForWebApplication.class,
        ErrorPages.ForEverythingElse.class,
        RedirectScopeCookiePath.class);
  }

  /**
   * Krazo 3.0.1 reads this property (not {@code jakarta.mvc.RedirectScopeCookies}); true keeps the
   * redirect scope's id in a cookie instead of a query parameter on every redirect.
   */
  static final String REDIRECT_SCOPE_COOKIES = "org.eclipse.krazo.redirectScopeCookies";

  static final String REDIRECT_SCOPE_COOKIE_NAME = "org.eclipse.krazo.redirectScopeCookieName";

  /** The redirect scope's cookie: named here, so that {@link RedirectScopeCookiePath} finds it. */
  static final String REDIRECT_SCOPE_COOKIE = "opstower-flash";

  /**
   * Krazo 3 defaults to EXPLICIT CSRF (only methods annotated {@code @CsrfProtected}); IMPLICIT
   * checks every POST, PUT, PATCH and DELETE. The redirect scope (flash messages) lives in a
   * cookie, so no URL carries {@code ?org.eclipse.krazo.redirect.param.ScopeId=…}; {@link
   * RedirectScopeCookiePath} gives that cookie the path Krazo cannot give it at context root.
   */
  @Override
  public Map<String, Object> getProperties() {
    return Map.of(
        Csrf.CSRF_PROTECTION,
        Csrf.CsrfOptions.IMPLICIT,
        REDIRECT_SCOPE_COOKIES,
        Boolean.TRUE,
        REDIRECT_SCOPE_COOKIE_NAME,
        REDIRECT_SCOPE_COOKIE);
  }

  /**
   * Krazo sets the redirect scope's cookie with {@code setPath(contextPath)}, which at context root
   * is the empty string: the browser then scopes the cookie to the POST's folder, and the page
   * after {@code POST /connections/{id}/edit} (folder {@code /connections/{id}}) would not receive
   * it, so its flash message would be lost. Krazo adds the cookie in its response filter (priority
   * 4000) straight to the servlet response; this filter runs after it (response filters run from
   * the highest priority down) and rewrites that one {@code Set-Cookie} header with the path {@code
   * /} (or the context path), SameSite=Strict like the session cookie, and Secure over HTTPS. Every
   * other {@code Set-Cookie} header (e.g. the session cookie) is written back unchanged.
   */
  @Priority(Priorities.HEADER_DECORATOR)
  public static class RedirectScopeCookiePath implements ContainerResponseFilter {

    private static final String SET_COOKIE = "Set-Cookie";

    @Context HttpServletRequest request;

    @Context HttpServletResponse response;

    @Override
    public void filter(ContainerRequestContext in, ContainerResponseContext out) {
      List<String> cookies = new ArrayList<>(response.getHeaders(SET_COOKIE));
      if (cookies.stream().noneMatch(RedirectScopeCookiePath::isRedirectScope)) {
        return;
      }
      String path = request.getContextPath().isEmpty() ? "/" : request.getContextPath();
      boolean first = true;
      for (String cookie : cookies) {
        String written =
            isRedirectScope(cookie) ? withPath(cookie, path, request.isSecure()) : cookie;
        if (first) {
          response.setHeader(SET_COOKIE, written);
          first = false;
        } else {
          response.addHeader(SET_COOKIE, written);
        }
      }
    }

    static boolean isRedirectScope(String setCookie) {
      return setCookie.startsWith(REDIRECT_SCOPE_COOKIE + "=");
    }

    /** The cookie's name and value as Krazo set them, with our attributes (Krazo's 600 s too). */
    static String withPath(String setCookie, String path, boolean secure) {
      int end = setCookie.indexOf(';');
      String nameAndValue = end < 0 ? setCookie : setCookie.substring(0, end);
      return nameAndValue
          + "; Max-Age=600; Path="
          + path
          + "; HttpOnly; SameSite=Strict"
          + (secure ? "; Secure" : "");
    }
  }
}
