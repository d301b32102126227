package com.opstower.api;

import com.opstower.problem.ProblemCode;
import com.opstower.token.entity.Scope;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/** After matching: the caller's token must carry the scope the resource declares. */
@Provider
@Priority(Priorities.AUTHORIZATION)
public class ScopeCheck implements ContainerRequestFilter {

  @Context ResourceInfo resource;

  @Override
  public void filter(ContainerRequestContext request) {
    RequiresScope required = resource.getResourceMethod().getAnnotation(RequiresScope.class);
    if (required == null) {
      required = resource.getResourceClass().getAnnotation(RequiresScope.class);
    }
    CallerToken caller = (CallerToken) request.getProperty(CallerToken.PROPERTY);
    if (required == null || caller == null || !caller.scopes().contains(required.value())) {
      request.abortWith(forbidden(required == null ? null : required.value()));
    }
  }

  /** The answer to a token without the scope {@code required} ({@code null}: none declared). */
  public static Response forbidden(Scope required) {
    // No declared scope means nobody may call it: fail closed.
    String scope = required == null ? "a scope" : "the '" + required.wire() + "' scope";
    return Problems.response(ProblemCode.FORBIDDEN, "This call needs a token with " + scope + ".")
        .build();
  }
}
