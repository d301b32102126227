package com.opstower.ui.activity;

import com.opstower.activity.control.ActivityLog;
import com.opstower.agent.control.AgentService;
import com.opstower.connection.control.ConnectionService;
import com.opstower.ui.layout.Choice;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.mvc.Controller;
import jakarta.mvc.Models;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The latest agent calls; the filters are query parameters, so a filtered view can be linked. */
@Controller
@RequestScoped
@Path("/")
public class ActivityController {

  static final int LIMIT = 200;

  @Inject ActivityLog log;

  @Inject AgentService agents;

  @Inject ConnectionService connections;

  @Inject Models models;

  @GET
  @Path("activity")
  public String list(
      @QueryParam("agent") String agent, @QueryParam("connection") String connection) {
    String agentId = blankToNull(agent);
    String connectionId = blankToNull(connection);
    Map<String, String> agentNames = new LinkedHashMap<>();
    agents.list().forEach(a -> agentNames.put(a.id(), a.name()));
    Map<String, String> connectionNames = new LinkedHashMap<>();
    connections.list().forEach(c -> connectionNames.put(c.id(), c.displayName()));
    models.put(
        "entries",
        log.latest(agentId, connectionId, LIMIT).stream()
            .map(entry -> ActivityRow.of(entry, agentNames, connectionNames))
            .toList());
    models.put("agentChoices", choices(agentNames));
    models.put("connectionChoices", choices(connectionNames));
    models.put("agentFilter", agentId == null ? "" : agentId);
    models.put("connectionFilter", connectionId == null ? "" : connectionId);
    models.put("filtered", agentId != null || connectionId != null);
    models.put("limit", LIMIT);
    return "activity/list.html";
  }

  private static List<Choice> choices(Map<String, String> names) {
    return names.entrySet().stream().map(e -> new Choice(e.getKey(), e.getValue())).toList();
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
