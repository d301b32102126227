package com.opstower.api;

import com.opstower.problem.ProblemCode;
import com.opstower.token.control.TokenService;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.Optional;

/**
 * Every {@code /api/v1} call needs {@code Authorization: Bearer <token>}; sessions and tokens in
 * the query string are never accepted. Runs before matching so unknown paths are not revealed to
 * callers without a token.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public class BearerAuthentication implements ContainerRequestFilter {

  private static final String SCHEME = "Bearer ";

  @Inject TokenService tokens;

  @Override
  public void filter(ContainerRequestContext request) {
    Optional<CallerToken> caller =
        caller(request.getHeaderString(HttpHeaders.AUTHORIZATION), tokens);
    if (caller.isEmpty()) {
      request.abortWith(unauthorized());
      return;
    }
    request.setProperty(CallerToken.PROPERTY, caller.get());
  }

  /** The caller an {@code Authorization} header names, if it carries a valid token. */
  public static Optional<CallerToken> caller(String authorization, TokenService tokens) {
    return bearerValue(authorization)
        .flatMap(tokens::authenticate)
        .map(token -> new CallerToken(token.id(), token.scopes(), token.agentId().orElse(null)));
  }

  /** The answer to a call without a valid token. */
  public static Response unauthorized() {
    return Problems.response(
            ProblemCode.UNAUTHORIZED, "Send a valid API token as 'Authorization: Bearer <token>'.")
        .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"opstower\"")
        .build();
  }

  static Optional<String> bearerValue(String header) {
    if (header == null || header.length() <= SCHEME.length()) {
      return Optional.empty();
    }
    if (!header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
      return Optional.empty();
    }
    return Optional.of(header.substring(SCHEME.length()).trim());
  }
}
