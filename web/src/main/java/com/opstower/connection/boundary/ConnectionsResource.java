package com.opstower.connection.boundary;

import com.opstower.api.RequiresScope;
import com.opstower.connection.control.ConnectionService;
import com.opstower.connection.entity.Connection;
import com.opstower.docs.control.DocsRefresh;
import com.opstower.probe.control.ConnectionTester;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /api/v1/connections}: manage connections (scope {@code admin}). */
@Path("connections")
@RequiresScope(Scope.ADMIN)
@Produces(MediaType.APPLICATION_JSON + "; charset=UTF-8")
@Tag(name = "Connections")
public class ConnectionsResource {

  @Inject ConnectionService connections;

  @Inject ConnectionTester tester;

  @Inject DocsRefresh docs;

  @POST
  @Operation(summary = "Create a connection")
  public Response create(
      @RequestBody(content = @Content(schema = @Schema(implementation = ConnectionInputDoc.class)))
          String body,
      @Context UriInfo uri) {
    Connection created = connections.create(ConnectionInput.read(body));
    return Response.created(uri.getAbsolutePathBuilder().path(created.id()).build())
        .entity(ConnectionView.of(created))
        .build();
  }

  @GET
  @Operation(summary = "List connections ordered by label")
  public List<ConnectionView> list() {
    return connections.list().stream().map(ConnectionView::of).toList();
  }

  @GET
  @Path("{id}")
  @Operation(summary = "Read a connection")
  public ConnectionView get(@PathParam("id") String id) {
    return ConnectionView.of(connections.get(id));
  }

  @PUT
  @Path("{id}")
  @Operation(
      summary = "Replace a connection",
      description =
          "An absent or null secret keeps the stored one, unless the base URL's origin changes.")
  public ConnectionView update(
      @PathParam("id") String id,
      @RequestBody(content = @Content(schema = @Schema(implementation = ConnectionInputDoc.class)))
          String body) {
    return ConnectionView.of(connections.update(id, ConnectionInput.read(body)));
  }

  @POST
  @Path("{id}/test")
  @Operation(
      summary = "Test a stored connection",
      description =
          "One GET to the base URL with the credentials; kept as the connection's lastTest.")
  public ConnectionView.TestResultView test(@PathParam("id") String id) {
    return ConnectionView.TestResultView.of(tester.testSaved(id));
  }

  @POST
  @Path("{id}/docs/refresh")
  @Operation(
      summary = "Read the connection's API documentation again",
      description =
          "Fetches the documentation URL now and stores what it serves (an OpenAPI catalogue,"
              + " plain documentation, or an error that says why); returns the connection.")
  public ConnectionView refreshDocs(@PathParam("id") String id) {
    return ConnectionView.of(docs.refresh(id));
  }

  @POST
  @Path("test")
  @Operation(summary = "Test an unsaved connection (the UI's Test Connection before Save)")
  public ConnectionView.TestResultView testDraft(
      @RequestBody(content = @Content(schema = @Schema(implementation = ConnectionInputDoc.class)))
          String body) {
    return ConnectionView.TestResultView.of(tester.testDraft(ConnectionInput.read(body)));
  }

  @DELETE
  @Path("{id}")
  @Operation(summary = "Delete a connection and disable it on every agent")
  public Response delete(@PathParam("id") String id) {
    connections.delete(id);
    return Response.noContent().build();
  }
}
