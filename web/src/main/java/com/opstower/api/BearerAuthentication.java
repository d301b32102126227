package com.opstower.api;

import com.opstower.problem.ProblemCode;
import com.opstower.token.control.TokenService;
import com.opstower.token.entity.ApiToken;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
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
    Optional<ApiToken> token = bearerValue(request).flatMap(tokens::authenticate);
    if (token.isEmpty()) {
      request.abortWith(
          Problems.response(
                  ProblemCode.UNAUTHORIZED,
                  "Send a valid API token as 'Authorization: Bearer <token>'.")
              .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"opstower\"")
              .build());
      return;
    }
    request.setProperty(
        CallerToken.PROPERTY,
        new CallerToken(
            token.get().id(), token.get().scopes(), token.get().agentId().orElse(null)));
  }

  private static Optional<String> bearerValue(ContainerRequestContext request) {
    String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
    if (header == null || header.length() <= SCHEME.length()) {
      return Optional.empty();
    }
    if (!header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
      return Optional.empty();
    }
    return Optional.of(header.substring(SCHEME.length()).trim());
  }
}
