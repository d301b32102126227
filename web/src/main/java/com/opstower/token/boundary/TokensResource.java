package com.opstower.token.boundary;

import com.opstower.api.JsonInput;
import com.opstower.api.RequiresScope;
import com.opstower.problem.ProblemCode;
import com.opstower.problem.ProblemException;
import com.opstower.problem.ProblemException.FieldError;
import com.opstower.token.control.TokenService;
import com.opstower.token.control.TokenService.IssuedToken;
import com.opstower.token.entity.ApiToken;
import com.opstower.token.entity.Scope;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /api/v1/tokens}: issue, list and revoke API tokens (scope {@code admin}). */
@Path("tokens")
@RequiresScope(Scope.ADMIN)
@Produces(MediaType.APPLICATION_JSON + "; charset=UTF-8")
@Tag(name = "API tokens")
public class TokensResource {

  @Inject TokenService tokens;

  /** A token as listed: never its value or hash. */
  public record TokenView(
      String id,
      String name,
      List<String> scopes,
      String agentId,
      Instant createdAt,
      Instant lastUsedAt) {
    static TokenView of(ApiToken token) {
      return new TokenView(
          token.id(),
          token.name(),
          TokensResource.scopes(token),
          token.agentId().orElse(null),
          token.createdAt(),
          token.lastUsedAt().orElse(null));
    }
  }

  /** The creation answer, the only time the value is shown. */
  public record CreatedToken(
      String id,
      String name,
      List<String> scopes,
      String agentId,
      Instant createdAt,
      String token) {}

  @Schema(name = "TokenInput")
  public record TokenInput(
      @Schema(required = true) String name,
      @Schema(
              required = true,
              enumeration = {"admin", "agent"})
          List<String> scopes,
      @Schema(description = "Bind the token to this agent (only with the agent scope alone)")
          String agentId) {}

  @POST
  @Operation(summary = "Create a token; its value is returned only in this answer")
  public Response create(
      @RequestBody(content = @Content(schema = @Schema(implementation = TokenInput.class)))
          String body,
      @Context UriInfo uri) {
    JsonInput input = JsonInput.parse(body, Set.of("name", "scopes", "agentId"));
    String agentId = input.string("agentId");
    if (agentId != null && agentId.isBlank()) {
      // a blank binding must not turn into a token of every agent
      String message =
          "Give 'agentId' as an agent's id, or leave it out for a token of every agent.";
      throw new ProblemException(
          ProblemCode.INVALID_REQUEST, message, List.of(new FieldError("agentId", message)));
    }
    IssuedToken issued =
        tokens.create(input.string("name"), scopes(input.strings("scopes")), agentId);
    ApiToken token = issued.token();
    return Response.created(uri.getAbsolutePathBuilder().path(token.id()).build())
        .header("Cache-Control", "no-store")
        .entity(
            new CreatedToken(
                token.id(),
                token.name(),
                scopes(token),
                token.agentId().orElse(null),
                token.createdAt(),
                issued.value()))
        .build();
  }

  @GET
  @Operation(summary = "List tokens that are not revoked")
  public List<TokenView> list() {
    return tokens.listActive().stream().map(TokenView::of).toList();
  }

  @DELETE
  @Path("{id}")
  @Operation(summary = "Revoke a token at once")
  public Response revoke(@PathParam("id") String id) {
    tokens.revoke(id);
    return Response.noContent().build();
  }

  static List<String> scopes(ApiToken token) {
    return token.scopes().stream().map(Scope::wire).toList();
  }

  private static Set<Scope> scopes(List<String> names) {
    if (names == null || names.isEmpty()) {
      throw invalidScopes();
    }
    Set<Scope> scopes = EnumSet.noneOf(Scope.class);
    for (String name : names) {
      scopes.add(Scope.fromWire(name).orElseThrow(TokensResource::invalidScopes));
    }
    return scopes;
  }

  private static ProblemException invalidScopes() {
    String message = "Give 'scopes' as a non-empty array of: admin, agent.";
    return new ProblemException(
        ProblemCode.INVALID_REQUEST, message, List.of(new FieldError("scopes", message)));
  }
}
