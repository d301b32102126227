package com.opstower.ui.connection;

import com.opstower.agent.control.AgentService;
import com.opstower.connection.control.ConnectionService;
import com.opstower.connection.entity.Connection;
import com.opstower.docs.control.DocsRefresh;
import com.opstower.probe.control.ConnectionTester;
import com.opstower.probe.control.ProbeReport;
import com.opstower.tool.control.AgentTools;
import com.opstower.ui.layout.Flash;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.mvc.Controller;
import jakarta.mvc.Models;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.List;

/** The connection list, the type choice, a connection's detail page, its test and its deletion. */
@Controller
@RequestScoped
@Path("/")
public class ConnectionsController {

  static final String NAV = "connections";

  @Inject ConnectionService connections;

  @Inject AgentService agents;

  @Inject ConnectionTester tester;

  @Inject AgentTools tools;

  @Inject DocsRefresh docs;

  @Inject Models models;

  @Inject Flash flash;

  @GET
  @Path("connections")
  public String list() {
    List<ConnectionRow> rows =
        connections.list().stream()
            .map(c -> ConnectionRow.of(c, agents.usingConnection(c.id())))
            .toList();
    models.put("connections", rows);
    return "connections/list.html";
  }

  /** Add Connection, step one: External API is the only type today; more can follow here. */
  @GET
  @Path("connections/new")
  public String chooseType() {
    return "connections/new.html";
  }

  @GET
  @Path("connections/{id}")
  public String detail(@PathParam("id") String id) {
    Connection connection = connections.get(id);
    models.put("connection", ConnectionRow.of(connection, agents.usingConnection(id)));
    models.put("docs", DocsStatus.of(connection));
    models.put(
        "tools",
        tools.forConnections(List.of(connection)).stream()
            .map(
                tool ->
                    new ToolPreview(
                        tool.function().name(),
                        tool.function().description(),
                        DEFINITION_JSON.toJson(tool)))
            .toList());
    return "connections/detail.html";
  }

  /** Tests the stored connection and keeps the result as its last test. */
  @POST
  @Path("connections/{id}/test")
  public String testSaved(@PathParam("id") String id) {
    ProbeReport report = tester.testSaved(id);
    if (report.ok()) {
      flash.success("Test passed: " + TestResultView.of(report).status() + ".");
    } else {
      flash.error("Test failed: " + report.message());
    }
    return "redirect:connections/" + id;
  }

  /** Reads the documentation URL again now and shows what it serves. */
  @POST
  @Path("connections/{id}/docs/refresh")
  public String refreshDocs(@PathParam("id") String id) {
    DocsStatus status = DocsStatus.of(docs.refresh(id));
    if (status == null) {
      flash.error("This connection has no API documentation URL; add one under Edit.");
    } else if (status.failed()) {
      flash.error(status.outcome());
    } else {
      flash.success(status.outcome());
    }
    return "redirect:connections/" + id;
  }

  @GET
  @Path("connections/{id}/delete")
  public String confirmDelete(@PathParam("id") String id) {
    Connection connection = connections.get(id);
    models.put("connection", ConnectionRow.of(connection, agents.usingConnection(id)));
    return "connections/delete.html";
  }

  @POST
  @Path("connections/{id}/delete")
  public String delete(@PathParam("id") String id) {
    String name = connections.get(id).displayName();
    connections.delete(id);
    flash.success("Connection “" + name + "” deleted.");
    return "redirect:connections";
  }

  /**
   * The tool as an agent receives it: its name, its description, and the whole definition as the
   * API's {@code GET …/tools} serialises it (same JSON-B settings, indented for reading).
   */
  public record ToolPreview(String name, String description, String definition) {}

  private static final Jsonb DEFINITION_JSON =
      JsonbBuilder.create(new JsonbConfig().withNullValues(true).withFormatting(true));
}
