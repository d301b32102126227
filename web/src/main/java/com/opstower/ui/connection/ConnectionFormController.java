package com.opstower.ui.connection;

import com.opstower.connection.control.ConnectionService;
import com.opstower.connection.control.ConnectionTester;
import com.opstower.connection.entity.AuthType;
import com.opstower.connection.entity.Connection;
import com.opstower.problem.ProblemException;
import com.opstower.ui.layout.Choice;
import com.opstower.ui.layout.FieldErrors;
import com.opstower.ui.layout.Flash;
import com.opstower.ui.layout.ViewStatus;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.mvc.Controller;
import jakarta.mvc.Models;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.List;

/**
 * The External API form: new and edit, Save and Test Connection. Validation is the domain's (a
 * refused draft comes back as field errors); a re-rendered form keeps everything typed except
 * secrets, which never go back to the browser.
 */
@Controller
@RequestScoped
@Path("/")
public class ConnectionFormController {

  static final String VIEW = "connections/form.html";

  private static final List<Choice> AUTH_TYPES =
      Arrays.stream(AuthType.values()).map(t -> new Choice(t.wire(), t.displayName())).toList();

  @Inject ConnectionService connections;

  @Inject ConnectionTester tester;

  @Inject Models models;

  @Context HttpServletResponse servlet;

  @Inject Flash flash;

  @GET
  @Path("connections/new/external-api")
  public String newForm() {
    return show(ConnectionForm.blank(), null, FieldErrors.none());
  }

  @POST
  @Path("connections")
  public Response create(@BeanParam ConnectionForm form) {
    try {
      Connection created = connections.create(form.toDraft());
      flash.success("Connection “" + created.displayName() + "” saved.");
      return Response.ok("redirect:connections").build();
    } catch (ProblemException refused) {
      return refused(form, null, refused);
    }
  }

  @POST
  @Path("connections/new/test")
  public Response testNew(@BeanParam ConnectionForm form) {
    return test(form, null);
  }

  @GET
  @Path("connections/{id}/edit")
  public String editForm(@PathParam("id") String id) {
    return show(ConnectionForm.of(connections.get(id)), connections.get(id), FieldErrors.none());
  }

  @POST
  @Path("connections/{id}/edit")
  public Response update(@PathParam("id") String id, @BeanParam ConnectionForm form) {
    Connection existing = connections.get(id);
    try {
      Connection saved = connections.update(id, form.toDraft());
      flash.success("Connection “" + saved.displayName() + "” saved.");
      return Response.ok("redirect:connections").build();
    } catch (ProblemException refused) {
      return refused(form, existing, refused);
    }
  }

  @POST
  @Path("connections/{id}/edit/test")
  public Response testEdit(@PathParam("id") String id, @BeanParam ConnectionForm form) {
    return test(form, connections.get(id));
  }

  /** Runs the test on the typed values; a stored secret is used when Save would keep it. */
  private Response test(ConnectionForm form, Connection existing) {
    try {
      models.put(
          "testResult",
          TestResultView.of(
              tester.testDraft(form.toDraft(), existing == null ? null : existing.id())));
      return Response.ok(show(form, existing, FieldErrors.none())).build();
    } catch (ProblemException refused) {
      return refused(form, existing, refused);
    }
  }

  private Response refused(ConnectionForm form, Connection existing, ProblemException refused) {
    int status = refused.code().status() == 404 ? 404 : 400;
    return ViewStatus.of(servlet, status, show(form, existing, FieldErrors.of(refused)));
  }

  private String show(ConnectionForm form, Connection existing, FieldErrors errors) {
    models.put("form", form);
    models.put("authTypes", AUTH_TYPES);
    models.put("errors", errors);
    models.put("editing", existing != null);
    if (existing != null) {
      models.put("connectionId", existing.id());
      models.put("connectionName", existing.displayName());
      models.put("storedSecret", existing.hasSecret());
      models.put("storedAuthType", existing.authType().wire());
    }
    return VIEW;
  }
}
