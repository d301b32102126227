package com.opstower.execution.boundary;

import com.opstower.api.CallerToken;
import com.opstower.api.RequiresScope;
import com.opstower.execution.control.AgentRuntime;
import com.opstower.execution.control.DocsFetcher;
import com.opstower.execution.control.ExecutionResult;
import com.opstower.execution.control.ExecutorConfiguration;
import com.opstower.problem.ProblemCode;
import com.opstower.problem.ProblemException;
import com.opstower.token.entity.Scope;
import com.opstower.tool.control.AgentTools;
import com.opstower.tool.control.ToolDefinition;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The agent runtime (scope {@code agent}): tool definitions, request execution, documentation.
 * Application-scoped: it holds no per-request state, and creating and injecting a resource instance
 * for every agent call was a measurable part of the call's cost.
 */
@ApplicationScoped
@Path("agents")
@RequiresScope(Scope.AGENT)
@Produces(MediaType.APPLICATION_JSON + "; charset=UTF-8")
@Tag(name = "Agent runtime")
public class AgentRuntimeResource {

  /** JSON escaping can grow a body; the cap on the body itself is checked after parsing. */
  private static final long ENVELOPE_OVERHEAD = 64 * 1024;

  @Inject AgentTools tools;

  @Inject AgentRuntime runtime;

  @Inject DocsFetcher docs;

  @Inject ExecutorConfiguration configuration;

  /** The tool arguments, for the OpenAPI document. */
  @Schema(name = "AgentRequest")
  public record AgentRequestDoc(
      @Schema(
              required = true,
              enumeration = {"GET", "POST", "PUT", "PATCH", "DELETE"})
          String method,
      @Schema(required = true, example = "/invoices") String path,
      Object query,
      Object headers,
      Object body,
      String contentType) {}

  @GET
  @Path("{agentId}/tools")
  @Operation(
      summary = "OpenAI-style function definitions for every connection enabled on the agent")
  public List<ToolDefinition> tools(
      @PathParam("agentId") String agentId, @Context ContainerRequestContext request) {
    caller(request).requireAgent(agentId);
    return tools.forAgent(agentId);
  }

  private static CallerToken caller(ContainerRequestContext request) {
    return (CallerToken) request.getProperty(CallerToken.PROPERTY);
  }

  @POST
  @Path("{agentId}/connections/{connectionId}/requests")
  @Operation(
      summary = "Execute an HTTP request through a connection",
      description = "An upstream 4xx/5xx is a 200 here; see status in the answer.")
  public CompletionStage<ExecutionResult> execute(
      @PathParam("agentId") String agentId,
      @PathParam("connectionId") String connectionId,
      @RequestBody(content = @Content(schema = @Schema(implementation = AgentRequestDoc.class)))
          InputStream body,
      @Context ContainerRequestContext request) {
    CallerToken caller = caller(request);
    caller.requireAgent(agentId);
    long limit = bodyLimit(configuration);
    // read and parsed only once the per-token limits have admitted the call; with the
    // non-blocking executor no request thread waits for the upstream
    return runtime.executeAsync(
        agentId,
        connectionId,
        () -> AgentCallInput.read(readCapped(body, request.getLength(), limit)),
        caller.tokenId());
  }

  @GET
  @Path("{agentId}/connections/{connectionId}/docs")
  @Operation(summary = "The connection's API documentation, fetched through the egress policy")
  public DocsFetcher.Docs docs(
      @PathParam("agentId") String agentId,
      @PathParam("connectionId") String connectionId,
      @Context ContainerRequestContext request) {
    CallerToken caller = caller(request);
    caller.requireAgent(agentId);
    return docs.fetch(agentId, connectionId, caller.tokenId());
  }

  /** The most bytes an agent call's envelope may have: its body may be JSON-escaped. */
  static long bodyLimit(ExecutorConfiguration configuration) {
    return configuration.maxRequestBytes() * 6 + ENVELOPE_OVERHEAD;
  }

  /**
   * The largest announced body read into one buffer of its length before it arrives; a longer one
   * is read as its bytes come, so that a length announced and never sent cannot hold memory.
   */
  static final int PRESIZED_AT_MOST = 64 * 1024;

  /**
   * Reads at most {@code limit} bytes: a huge request is refused without being buffered, and one
   * that announces its size is refused without being read at all.
   */
  static String readCapped(InputStream body, long declaredLength, long limit) {
    if (declaredLength > limit) {
      throw new ProblemException(
          ProblemCode.BODY_TOO_LARGE, "The request is larger than this server accepts.");
    }
    if (body == null) {
      return "";
    }
    try {
      byte[] bytes;
      int readAtMost = (int) Math.min(Integer.MAX_VALUE - 8, limit + 1);
      if (declaredLength >= 0 && declaredLength <= PRESIZED_AT_MOST) {
        // one buffer of the length announced, which is what the container delivers
        byte[] announced = new byte[(int) declaredLength];
        int read = body.readNBytes(announced, 0, announced.length);
        int next = read < announced.length ? -1 : body.read();
        if (next < 0) {
          return new String(announced, 0, read, StandardCharsets.UTF_8);
        }
        // more than announced: read on, under the same limit
        byte[] rest = body.readNBytes(Math.max(0, readAtMost - read - 1));
        bytes = Arrays.copyOf(announced, read + 1 + rest.length);
        bytes[read] = (byte) next;
        System.arraycopy(rest, 0, bytes, read + 1, rest.length);
      } else {
        bytes = body.readNBytes(readAtMost);
      }
      if (bytes.length > limit) {
        throw new ProblemException(
            ProblemCode.BODY_TOO_LARGE, "The request is larger than this server accepts.");
      }
      return new String(bytes, StandardCharsets.UTF_8);
    } catch (IOException unreadable) {
      throw new ProblemException(
          ProblemCode.INVALID_REQUEST, "The request body could not be read.");
    }
  }
}
