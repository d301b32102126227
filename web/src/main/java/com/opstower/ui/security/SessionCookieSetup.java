package com.opstower.ui.security;

import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.SessionTrackingMode;
import jakarta.servlet.annotation.WebListener;
import java.util.EnumSet;

/**
 * Session cookie flags: not readable by script, and cookies as the only tracking mode (no session
 * id in URLs). {@code SameSite=Strict} comes from the WAR's {@code WEB-INF/payara-web.xml}, because
 * Payara 6 ignores {@code SessionCookieConfig.setAttribute("SameSite", …)}. The container adds
 * {@code Secure} by itself when the request came over HTTPS.
 */
@WebListener
public class SessionCookieSetup implements ServletContextListener {

  @Override
  public void contextInitialized(ServletContextEvent event) {
    ServletContext context = event.getServletContext();
    context.setSessionTrackingModes(EnumSet.of(SessionTrackingMode.COOKIE));
    context.getSessionCookieConfig().setHttpOnly(true);
  }
}
