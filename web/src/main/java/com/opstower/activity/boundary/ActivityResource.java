package com.opstower.activity.boundary;

import com.opstower.activity.control.ActivityLog;
import com.opstower.activity.entity.ActivityEntry;
import com.opstower.api.RequiresScope;
import com.opstower.problem.ProblemCode;
import com.opstower.problem.ProblemException;
import com.opstower.token.entity.Scope;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /api/v1/activity}: the newest agent calls (scope {@code admin}). */
@Path("activity")
@RequiresScope(Scope.ADMIN)
@Produces(MediaType.APPLICATION_JSON + "; charset=UTF-8")
@Tag(name = "Activity")
public class ActivityResource {

  private static final int MAX_LIMIT = 1000;

  @Inject ActivityLog log;

  /**
   * One recorded call; never header values, bodies or the credential's query parameter. {@code
   * kind} (added in v1.1) is {@code request}, {@code docs} or {@code test}.
   */
  public record ActivityView(
      String id,
      String kind,
      Instant at,
      String agentId,
      String connectionId,
      String method,
      String path,
      Integer status,
      String outcome,
      long durationMs,
      int bodyBytes,
      boolean truncated) {
    static ActivityView of(ActivityEntry e) {
      return new ActivityView(
          e.id(),
          e.kind(),
          e.at(),
          e.agentId(),
          e.connectionId(),
          e.method(),
          e.path(),
          e.status(),
          e.outcome(),
          e.durationMs(),
          e.bodyBytes(),
          e.truncated());
    }
  }

  @GET
  @Operation(
      summary = "The newest outbound calls (agent requests, docs fetches, Test Connection runs)")
  public List<ActivityView> list(
      @QueryParam("agentId") String agentId,
      @QueryParam("connectionId") String connectionId,
      @QueryParam("limit") String limit) {
    return log.latest(blankToNull(agentId), blankToNull(connectionId), limitOf(limit)).stream()
        .map(ActivityView::of)
        .toList();
  }

  private static int limitOf(String text) {
    if (text == null || text.isBlank()) {
      return 50;
    }
    try {
      int limit = Integer.parseInt(text.trim());
      if (limit >= 1 && limit <= MAX_LIMIT) {
        return limit;
      }
    } catch (NumberFormatException notANumber) {
      // reported below
    }
    throw new ProblemException(
        ProblemCode.INVALID_REQUEST, "'limit' must be a whole number from 1 to " + MAX_LIMIT + ".");
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
