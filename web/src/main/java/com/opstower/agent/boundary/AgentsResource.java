package com.opstower.agent.boundary;

import com.opstower.agent.control.AgentDraft;
import com.opstower.agent.control.AgentService;
import com.opstower.agent.entity.Agent;
import com.opstower.api.JsonInput;
import com.opstower.api.RequiresScope;
import com.opstower.token.entity.Scope;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /api/v1/agents}: manage agents and their enabled connections (scope {@code admin}). */
@Path("agents")
@RequiresScope(Scope.ADMIN)
@Produces(MediaType.APPLICATION_JSON + "; charset=UTF-8")
@Tag(name = "Agents")
public class AgentsResource {

  private static final Set<String> FIELDS =
      Set.of("name", "type", "description", "id", "connectionIds", "createdAt", "updatedAt");

  @Inject AgentService agents;

  /** For the OpenAPI document. */
  @Schema(name = "AgentInput")
  public record AgentInput(
      @Schema(required = true, maxLength = 100) String name,
      @Schema(
              required = true,
              enumeration = {"analyst", "debugger", "product_manager", "custom"})
          String type,
      String description) {}

  @POST
  @Operation(summary = "Create an agent")
  public Response create(
      @RequestBody(content = @Content(schema = @Schema(implementation = AgentInput.class)))
          String body,
      @Context UriInfo uri) {
    Agent agent = agents.create(read(body));
    return Response.created(uri.getAbsolutePathBuilder().path(agent.id()).build())
        .entity(AgentView.of(agent))
        .build();
  }

  @GET
  @Operation(summary = "List agents")
  public List<AgentView> list() {
    return agents.list().stream().map(AgentView::of).toList();
  }

  @GET
  @Path("{id}")
  @Operation(summary = "Read an agent")
  public AgentView get(@PathParam("id") String id) {
    return AgentView.of(agents.get(id));
  }

  @PUT
  @Path("{id}")
  @Operation(summary = "Change an agent's name, type or description")
  public AgentView update(
      @PathParam("id") String id,
      @RequestBody(content = @Content(schema = @Schema(implementation = AgentInput.class)))
          String body) {
    return AgentView.of(agents.update(id, read(body)));
  }

  @DELETE
  @Path("{id}")
  @Operation(summary = "Delete an agent")
  public Response delete(@PathParam("id") String id) {
    agents.delete(id);
    return Response.noContent().build();
  }

  @PUT
  @Path("{id}/connections/{connectionId}")
  @Operation(summary = "Enable a connection on the agent (idempotent)")
  public Response enable(
      @PathParam("id") String id, @PathParam("connectionId") String connectionId) {
    agents.enableConnection(id, connectionId);
    return Response.noContent().build();
  }

  @DELETE
  @Path("{id}/connections/{connectionId}")
  @Operation(summary = "Disable a connection on the agent (idempotent)")
  public Response disable(
      @PathParam("id") String id, @PathParam("connectionId") String connectionId) {
    agents.disableConnection(id, connectionId);
    return Response.noContent().build();
  }

  private static AgentDraft read(String body) {
    JsonInput input = JsonInput.parse(body, FIELDS);
    return new AgentDraft(input.string("name"), input.string("type"), input.string("description"));
  }
}
