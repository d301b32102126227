package com.opstower.ui.security;

import com.opstower.http.HardeningHeaders;
import com.opstower.user.control.UserService;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Hardening headers on every response of the WAR, then the {@link LoginGate} for UI paths (in one
 * filter so that the login redirect carries the headers too): {@link HardeningHeaders}. The users
 * service is only asked for UI paths (see {@link LoginGate}).
 */
@WebFilter(filterName = "SecurityHeadersFilter", urlPatterns = "/*", asyncSupported = true)
public class SecurityHeadersFilter extends HttpFilter {

  static final String CONTENT_SECURITY_POLICY = HardeningHeaders.CONTENT_SECURITY_POLICY;

  @Inject UserService users;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    HardeningHeaders.ALL.forEach(response::setHeader);
    if (LoginGate.admit(request, response, users::credentialStamp)) {
      chain.doFilter(request, response);
    }
  }
}
