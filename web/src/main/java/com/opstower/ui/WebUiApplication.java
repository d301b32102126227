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
import jakarta.mvc.security.Csrf;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
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
        ErrorPages.ForEverythingElse.class);
  }

  /**
   * Krazo 3 defaults to EXPLICIT CSRF (only methods annotated {@code @CsrfProtected}); IMPLICIT
   * checks every POST, PUT, PATCH and DELETE. Flash messages keep Krazo's default of a query
   * parameter on the redirect: at context root its cookie variant gets no path, so the browser
   * scopes it to the POST's folder and the page after {@code POST /connections/{id}/edit} would not
   * receive it.
   */
  @Override
  public Map<String, Object> getProperties() {
    return Map.of(Csrf.CSRF_PROTECTION, Csrf.CsrfOptions.IMPLICIT);
  }
}
