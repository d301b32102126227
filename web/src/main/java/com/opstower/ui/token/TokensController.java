package com.opstower.ui.token;

import com.opstower.agent.control.AgentService;
import com.opstower.agent.entity.Agent;
import com.opstower.persistence.Timestamps;
import com.opstower.problem.ProblemException;
import com.opstower.token.control.TokenService;
import com.opstower.token.control.TokenService.IssuedToken;
import com.opstower.token.entity.ApiToken;
import com.opstower.token.entity.Scope;
import com.opstower.ui.layout.Choice;
import com.opstower.ui.layout.FieldErrors;
import com.opstower.ui.layout.Flash;
import com.opstower.ui.layout.ViewStatus;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.mvc.Controller;
import jakarta.mvc.Models;
import jakarta.servlet.http.HttpServletRequest;
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
 * API tokens. Creating is post-redirect-get: the POST creates the token and redirects to the list,
 * which shows the new value once ({@link IssuedOnce}); reloading that page shows no value and
 * creates nothing. Revoking asks first, on a page that names the token.
 */
@Controller
@RequestScoped
@Path("/")
public class TokensController {

  static final String VIEW = "tokens/list.html";
  static final String CONFIRM_REVOKE = "tokens/revoke.html";

  @Inject TokenService tokens;

  @Inject AgentService agents;

  @Inject Models models;

  @Context HttpServletResponse servlet;

  @Context HttpServletRequest request;

  @Inject Flash flash;

  @GET
  @Path("tokens")
  public String list() {
    IssuedOnce.take(request.getSession(false), Timestamps.now())
        .ifPresent(
            issued -> {
              models.put("issuedName", issued.name());
              models.put("issuedValue", issued.value());
            });
    return show(FieldErrors.none(), "", List.of(Scope.AGENT.wire()), null);
  }

  @POST
  @Path("tokens")
  public Response create(
      @FormParam("name") String name,
      @FormParam("scope") List<String> scopes,
      @FormParam("agentId") String agentId) {
    List<String> chosen = scopes == null ? List.of() : scopes;
    Set<Scope> parsed = EnumSet.noneOf(Scope.class);
    chosen.stream().map(Scope::fromWire).flatMap(Optional::stream).forEach(parsed::add);
    try {
      String bound = agentId == null || agentId.isBlank() ? null : agentId;
      IssuedToken issued = tokens.create(name, parsed, bound);
      IssuedOnce.keep(
          request.getSession(true), issued.token().name(), issued.value(), Timestamps.now());
      return Response.ok("redirect:tokens").build();
    } catch (ProblemException refused) {
      return ViewStatus.of(
          servlet, 400, show(FieldErrors.of(refused), name == null ? "" : name, chosen, agentId));
    }
  }

  /** The confirmation page: which token, what it may do, when it was last used. */
  @GET
  @Path("tokens/{id}/revoke")
  public String confirmRevoke(@PathParam("id") String id) {
    ApiToken token = tokens.getLive(id);
    models.put("token", row(token));
    return CONFIRM_REVOKE;
  }

  @POST
  @Path("tokens/{id}/revoke")
  public String revoke(@PathParam("id") String id) {
    ApiToken revoked = tokens.revoke(id);
    flash.success(
        "Token “" + revoked.name() + "” revoked. Clients using it are refused from now on.");
    return "redirect:tokens";
  }

  private TokenRow row(ApiToken token) {
    return TokenRow.of(token, token.agentId().flatMap(agents::find).map(Agent::name).orElse(null));
  }

  private String show(FieldErrors errors, String name, List<String> scopes, String agentId) {
    models.put("tokens", tokens.listActive().stream().map(this::row).toList());
    models.put("agents", agents.list().stream().map(a -> new Choice(a.id(), a.name())).toList());
    models.put("boundAgentId", agentId == null ? "" : agentId);
    models.put("errors", errors);
    models.put("name", name);
    models.put("adminChecked", scopes.contains(Scope.ADMIN.wire()));
    models.put("agentChecked", scopes.contains(Scope.AGENT.wire()));
    return VIEW;
  }
}
