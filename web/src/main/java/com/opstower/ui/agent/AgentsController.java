package com.opstower.ui.agent;

import com.opstower.agent.control.AgentService;
import com.opstower.agent.entity.Agent;
import com.opstower.agent.entity.AgentType;
import com.opstower.connection.control.ConnectionService;
import com.opstower.connection.entity.Connection;
import com.opstower.persistence.Timestamps;
import com.opstower.problem.ProblemException;
import com.opstower.token.control.TokenService;
import com.opstower.token.control.TokenService.IssuedToken;
import com.opstower.token.entity.Scope;
import com.opstower.ui.layout.Choice;
import com.opstower.ui.layout.FieldErrors;
import com.opstower.ui.layout.Flash;
import com.opstower.ui.layout.ViewStatus;
import com.opstower.ui.token.IssuedOnce;
import com.opstower.ui.token.TokenRow;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.mvc.Controller;
import jakarta.mvc.Models;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Agents: the list, create, edit and delete. The agent page is one form: its details and the
 * connections it may call are saved together by one button.
 */
@Controller
@RequestScoped
@Path("/")
public class AgentsController {

  static final String FORM = "agents/form.html";

  /** The IssuedOnce page of an agent's engine token: this prefix and the agent's id. */
  private static final String ENGINE_PAGE = "agent-engine:";

  private static final List<Choice> TYPES =
      Arrays.stream(AgentType.values()).map(t -> new Choice(t.wire(), t.displayName())).toList();

  @Inject AgentService agents;

  @Inject ConnectionService connections;

  @Inject Models models;

  @Context HttpServletResponse servlet;

  @Context HttpServletRequest request;

  @Inject TokenService tokens;

  @Inject Flash flash;

  @GET
  @Path("agents")
  public String list() {
    List<AgentRow> rows =
        agents.list().stream()
            .map(agent -> AgentRow.of(agent, enabledConnectionNames(agent)))
            .toList();
    models.put("agents", rows);
    return "agents/list.html";
  }

  private List<String> enabledConnectionNames(Agent agent) {
    return agent.connectionIds().stream()
        .map(connections::find)
        .flatMap(Optional::stream)
        .map(Connection::displayName)
        .sorted(String.CASE_INSENSITIVE_ORDER)
        .toList();
  }

  @GET
  @Path("agents/new")
  public String newForm() {
    return show(AgentForm.blank(), null, FieldErrors.none());
  }

  /** Details and the connections it may call, in one form and one transaction. */
  @POST
  @Path("agents")
  public Response create(@BeanParam AgentForm form) {
    try {
      Agent created = agents.create(form.toDraft(), form.enabled());
      flash.success("Agent “" + created.name() + "” created" + enabledCount(created) + ".");
      return Response.ok("redirect:agents/" + created.id()).build();
    } catch (ProblemException refused) {
      return ViewStatus.of(servlet, 400, show(form, null, FieldErrors.of(refused)));
    }
  }

  @GET
  @Path("agents/{id}")
  public String edit(@PathParam("id") String id) {
    Agent agent = agents.get(id);
    return show(AgentForm.of(agent), agent, FieldErrors.none());
  }

  /**
   * The page's one Save: details and connection switches together, so neither can be lost to the
   * other's button. Refused details re-render the form with everything as posted, switches too.
   */
  @POST
  @Path("agents/{id}")
  public Response update(@PathParam("id") String id, @BeanParam AgentForm form) {
    Agent agent = agents.get(id);
    try {
      Agent saved = agents.update(id, form.toDraft(), form.shown(), form.enabled());
      flash.success("Agent “" + saved.name() + "” saved" + enabledCount(saved) + ".");
      return Response.ok("redirect:agents/" + saved.id()).build();
    } catch (ProblemException refused) {
      return ViewStatus.of(servlet, 400, show(form, agent, FieldErrors.of(refused)));
    }
  }

  private static String enabledCount(Agent agent) {
    int count = agent.connectionIds().size();
    return switch (count) {
      case 0 -> ", with no connections enabled";
      case 1 -> ", with 1 connection enabled";
      default -> ", with " + count + " connections enabled";
    };
  }

  /**
   * "Connect an agent engine": a token bound to this agent, shown once on the agent's page with a
   * ready configuration (post-redirect-get, like the token page).
   */
  @POST
  @Path("agents/{id}/engine-token")
  public String createEngineToken(@PathParam("id") String id) {
    Agent agent = agents.get(id);
    IssuedToken issued = tokens.create(freeTokenName(agent.name()), Set.of(Scope.AGENT), id);
    IssuedOnce.keep(
        request.getSession(true),
        ENGINE_PAGE + id,
        issued.token().name(),
        issued.value(),
        Timestamps.now());
    return "redirect:agents/" + id + "#connect-engine";
  }

  /** "<agent> engine", or with a number when a live token already has that name. */
  private String freeTokenName(String agentName) {
    String base =
        (agentName.length() > 80 ? agentName.substring(0, 80).strip() : agentName) + " engine";
    String name = base;
    for (int n = 2; tokens.findLiveByName(name).isPresent(); n++) {
      name = base + " " + n;
    }
    return name;
  }

  @GET
  @Path("agents/{id}/delete")
  public String confirmDelete(@PathParam("id") String id) {
    Agent agent = agents.get(id);
    models.put("agentId", agent.id());
    models.put("agentName", agent.name());
    models.put("connectionNames", enabledConnectionNames(agent));
    return "agents/delete.html";
  }

  @POST
  @Path("agents/{id}/delete")
  public String delete(@PathParam("id") String id) {
    String name = agents.get(id).name();
    agents.delete(id);
    flash.success("Agent “" + name + "” deleted.");
    return "redirect:agents";
  }

  private void showEngineSetup(Agent agent) {
    String token =
        IssuedOnce.take(request.getSession(false), ENGINE_PAGE + agent.id(), Timestamps.now())
            .map(
                issued -> {
                  models.put("engineTokenName", issued.name());
                  return issued.value();
                })
            .orElse(null);
    URI page = URI.create(request.getRequestURL().toString());
    String mcpUrl =
        page.resolve(request.getContextPath() + "/api/v1/agents/" + agent.id() + "/mcp").toString();
    models.put("engine", new EngineSetup(mcpUrl, EngineSetup.serverName(agent.name()), token));
    models.put("engineTokens", tokens.listBoundTo(agent.id()).stream().map(TokenRow::of).toList());
  }

  /** The form; the switches show what was posted, else what is stored (all off for a new one). */
  private String show(AgentForm form, Agent agent, FieldErrors errors) {
    models.put("form", form);
    models.put("types", TYPES);
    models.put("errors", errors);
    models.put("editing", agent != null);
    if (agent != null) {
      models.put("agentId", agent.id());
      models.put("agentName", agent.name());
      showEngineSetup(agent);
    }
    models.put(
        "toggles",
        connections.list().stream()
            .map(
                c ->
                    new ConnectionToggle(
                        c.id(),
                        c.displayName(),
                        c.baseUrl().toString(),
                        form.showsEnabled(c.id(), agent != null && agent.isEnabled(c.id())),
                        agent == null ? c.toolName() : agent.toolName(c.id()).orElse(c.toolName())))
            .toList());
    return FORM;
  }
}
