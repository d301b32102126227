package com.opstower.mcp.boundary;

import com.opstower.agent.control.AgentService;
import com.opstower.api.CallerToken;
import com.opstower.api.Problems;
import com.opstower.api.RequiresScope;
import com.opstower.execution.control.ExecutorConfiguration;
import com.opstower.problem.ProblemCode;
import com.opstower.problem.ProblemException;
import com.opstower.token.entity.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/v1/agents/{agentId}/mcp} (docs/api.md "MCP endpoint"): the Streamable HTTP transport
 * without a server-sent event stream — every POST carries one JSON-RPC message and is answered with
 * one JSON answer (or 202 for a notification). The bearer token and its scope are checked before
 * this class runs, the token's agent binding first thing here.
 */
@ApplicationScoped
@Path("agents/{agentId}/mcp")
@RequiresScope(Scope.AGENT)
@Tag(name = "Agent runtime")
public class McpResource {

  /** The revisions this endpoint speaks, newest first; the first is offered to other clients. */
  static final List<String> PROTOCOL_VERSIONS = List.of("2025-11-25", "2025-06-18", "2025-03-26");

  static final String VERSION_HEADER = "MCP-Protocol-Version";

  /** One JSON-RPC message: an agent call's body and its envelope. */
  private static final long ENVELOPE_OVERHEAD = 64 * 1024;

  private static final String JSON = MediaType.APPLICATION_JSON + "; charset=UTF-8";

  @Inject McpTools tools;

  @Inject McpOrigins origins;

  @Inject AgentService agents;

  @Inject ExecutorConfiguration configuration;

  @POST
  @Consumes(MediaType.WILDCARD)
  @Operation(
      summary = "The Model Context Protocol (Streamable HTTP, JSON answers) for this agent's tools")
  public CompletionStage<Response> post(
      @PathParam("agentId") String agentId,
      InputStream body,
      @Context ContainerRequestContext request,
      @Context UriInfo uri) {
    CallerToken caller = (CallerToken) request.getProperty(CallerToken.PROPERTY);
    if (!origins.allows(request.getHeaderString("Origin"), uri.getBaseUri())) {
      return done(
          Problems.response(
                  ProblemCode.FORBIDDEN,
                  "Requests from this Origin are refused; an administrator can allow it with"
                      + " opstower.mcp.allowed-origins.")
              .build());
    }
    caller.requireAgent(agentId);
    agents.get(agentId); // an unknown agent is 404 for every message, ping and notifications too
    String version = request.getHeaderString(VERSION_HEADER);
    if (version != null && !PROTOCOL_VERSIONS.contains(version.strip())) {
      return done(
          answer(
              400,
              JsonRpc.error(
                  JsonValue.NULL,
                  JsonRpc.INVALID_REQUEST,
                  "Unsupported MCP-Protocol-Version; this server speaks "
                      + String.join(", ", PROTOCOL_VERSIONS)
                      + ".")));
    }
    McpMessage message;
    try {
      message = McpMessage.parse(read(body, request.getLength()));
    } catch (JsonRpc.Failure failure) {
      return done(
          answer(
              failure.httpStatus,
              JsonRpc.error(JsonValue.NULL, failure.code, failure.getMessage())));
    }
    if (!message.expectsAnswer()) {
      return done(Response.accepted().build()); // a notification, or a client's answer
    }
    try {
      return dispatch(agentId, message, caller)
          .thenApply(result -> answer(200, JsonRpc.result(message.id(), result)));
    } catch (JsonRpc.Failure failure) {
      return done(
          answer(
              failure.httpStatus, JsonRpc.error(message.id(), failure.code, failure.getMessage())));
    }
  }

  @GET
  @Operation(summary = "405: this endpoint opens no server-sent event stream")
  public Response stream() {
    return notAllowed();
  }

  @DELETE
  @Operation(summary = "405: there are no sessions to end")
  public Response endSession() {
    return notAllowed();
  }

  private CompletionStage<JsonObject> dispatch(
      String agentId, McpMessage message, CallerToken caller) {
    return switch (message.method()) {
      case "initialize" -> CompletableFuture.completedFuture(initialize(agentId, message.params()));
      case "ping" -> CompletableFuture.completedFuture(JsonValue.EMPTY_JSON_OBJECT);
      case "tools/list" -> CompletableFuture.completedFuture(tools.list(agentId));
      case "tools/call" -> tools.call(agentId, message.params(), caller.tokenId());
      default ->
          throw new JsonRpc.Failure(
              JsonRpc.METHOD_NOT_FOUND,
              200,
              "This server has no method " + shown(message.method()) + ".");
    };
  }

  private JsonObject initialize(String agentId, JsonObject params) {
    String name = agents.get(agentId).name();
    String asked =
        params.get("protocolVersion") instanceof JsonString text ? text.getString() : null;
    return JsonRpc.JSON
        .createObjectBuilder()
        .add(
            "protocolVersion",
            asked != null && PROTOCOL_VERSIONS.contains(asked) ? asked : PROTOCOL_VERSIONS.get(0))
        .add(
            "capabilities",
            JsonRpc.JSON
                .createObjectBuilder()
                .add("tools", JsonRpc.JSON.createObjectBuilder().add("listChanged", false)))
        .add(
            "serverInfo",
            JsonRpc.JSON
                .createObjectBuilder()
                .add("name", "opstower")
                .add("version", ServerVersion.get()))
        .add("instructions", instructions(name))
        .build();
  }

  private String instructions(String agentName) {
    return "The tools of the OpsTower agent \""
        + agentName
        + "\": each calls one REST API through OpsTower. OpsTower adds the API's credentials to"
        + " every request, so never send credentials yourself. A tool takes method, path"
        + " (relative to the API's base URL), query, headers and body; it returns the HTTP status,"
        + " headers and at most "
        + configuration.maxResponseBytes()
        + " bytes of the body. Each tool's description says what its API offers and allows.";
  }

  private String read(InputStream body, int declaredLength) {
    long limit = configuration.maxRequestBytes() * 6 + ENVELOPE_OVERHEAD;
    if (declaredLength > limit) {
      throw new ProblemException(
          ProblemCode.BODY_TOO_LARGE, "The message is larger than this server accepts.");
    }
    if (body == null) {
      return "";
    }
    try {
      byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
      if (bytes.length > limit) {
        throw new ProblemException(
            ProblemCode.BODY_TOO_LARGE, "The message is larger than this server accepts.");
      }
      return new String(bytes, StandardCharsets.UTF_8);
    } catch (IOException unreadable) {
      throw new ProblemException(ProblemCode.INVALID_REQUEST, "The message could not be read.");
    }
  }

  private static Response notAllowed() {
    return Problems.response(
            405,
            ProblemCode.INVALID_METHOD,
            "Send MCP messages with POST; this endpoint opens no event stream and has no sessions.",
            List.of())
        .header("Allow", "POST")
        .build();
  }

  private static Response answer(int status, JsonObject json) {
    return Response.status(status).type(JSON).entity(json.toString()).build();
  }

  private static CompletionStage<Response> done(Response response) {
    return CompletableFuture.completedFuture(response);
  }

  private static String shown(String method) {
    String text = method.length() > 64 ? method.substring(0, 64) + "…" : method;
    return "\"" + text.replaceAll("\\p{Cntrl}", "?") + "\"";
  }
}
