package com.opstower.ui.token;

import com.opstower.problem.ProblemException;
import com.opstower.token.control.TokenService;
import com.opstower.token.control.TokenService.IssuedToken;
import com.opstower.token.entity.Scope;
import com.opstower.ui.layout.FieldErrors;
import com.opstower.ui.layout.Flash;
import com.opstower.ui.layout.ViewStatus;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.mvc.Controller;
import jakarta.mvc.Models;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * API tokens. A new token's value is rendered in the response to the create POST and nowhere else:
 * it is not stored, not put in the flash and not shown again.
 */
@Controller
@RequestScoped
@Path("/")
public class TokensController {

  static final String VIEW = "tokens/list.html";

  @Inject TokenService tokens;

  @Inject Models models;

  @Context HttpServletResponse servlet;

  @Inject Flash flash;

  @GET
  @Path("tokens")
  public String list() {
    return show(FieldErrors.none(), "", List.of(Scope.AGENT.wire()));
  }

  @POST
  @Path("tokens")
  public Response create(@FormParam("name") String name, @FormParam("scope") List<String> scopes) {
    List<String> chosen = scopes == null ? List.of() : scopes;
    Set<Scope> parsed = EnumSet.noneOf(Scope.class);
    chosen.stream().map(Scope::fromWire).flatMap(Optional::stream).forEach(parsed::add);
    try {
      IssuedToken issued = tokens.create(name, parsed);
      models.put("issuedName", issued.token().name());
      models.put("issuedValue", issued.value());
      return Response.ok(show(FieldErrors.none(), "", List.of(Scope.AGENT.wire()))).build();
    } catch (ProblemException refused) {
      return ViewStatus.of(
          servlet, 400, show(FieldErrors.of(refused), name == null ? "" : name, chosen));
    }
  }

  @POST
  @Path("tokens/{id}/revoke")
  public String revoke(@PathParam("id") String id) {
    tokens.revoke(id);
    flash.success("Token revoked. Clients using it are refused from now on.");
    return "redirect:tokens";
  }

  private String show(FieldErrors errors, String name, List<String> scopes) {
    models.put("tokens", tokens.listActive().stream().map(TokenRow::of).toList());
    models.put("errors", errors);
    models.put("name", name);
    models.put("adminChecked", scopes.contains(Scope.ADMIN.wire()));
    models.put("agentChecked", scopes.contains(Scope.AGENT.wire()));
    return VIEW;
  }
}
