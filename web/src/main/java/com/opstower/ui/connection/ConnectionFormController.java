package com.opstower.ui.connection;

import com.opstower.connection.control.ConnectionDraft;
import com.opstower.connection.control.ConnectionService;
import com.opstower.connection.entity.AuthType;
import com.opstower.connection.entity.Connection;
import com.opstower.connection.entity.ConnectionLimits;
import com.opstower.connection.entity.ToolName;
import com.opstower.probe.control.ConnectionTester;
import com.opstower.probe.control.ProbeReport;
import com.opstower.problem.ProblemException;
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
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

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

  @Inject KeptSecrets keptSecrets;

  @Inject TestedDrafts tested;

  @Inject DestinationWarning destinations;

  @Context HttpServletRequest request;

  /** The form's labels by the field paths the service reports, for the error summary. */
  static final Map<String, String> FIELD_LABELS =
      Map.ofEntries(
          Map.entry("label", "Label"),
          Map.entry("baseUrl", "Base URL"),
          Map.entry("auth.type", "Authentication Type"),
          Map.entry("auth.token", "Token"),
          Map.entry("auth.headerName", "Header name"),
          Map.entry("auth.apiKey", "API key"),
          Map.entry("auth.username", "Username"),
          Map.entry("auth.password", "Password"),
          Map.entry("auth.paramName", "Parameter name"),
          Map.entry("auth.paramValue", "Parameter value"),
          Map.entry("docsUrl", "API Documentation URL"),
          Map.entry("description", "API Description"),
          Map.entry("policy.methods", "Allowed methods"),
          Map.entry("policy.paths", "Allowed paths"));

  /** The server's limits, so that the inputs' maxlength matches them. */
  private static final Map<String, Integer> LIMITS =
      Map.of(
          "label", ConnectionLimits.LABEL_MAX,
          "baseUrl", ConnectionLimits.BASE_URL_MAX,
          "docsUrl", ConnectionLimits.DOCS_URL_MAX,
          "description", ConnectionLimits.DESCRIPTION_MAX,
          "name", ConnectionLimits.NAME_MAX,
          "username", ConnectionLimits.USERNAME_MAX);

  /** Sent by the form's script when it runs Test Connection in place. */
  static final String INLINE_HEADER = "X-OpsTower-Inline";

  @GET
  @Path("connections/new/external-api")
  public String newForm() {
    return show(ConnectionForm.blank(), null, FieldErrors.none());
  }

  @POST
  @Path("connections")
  public Response create(@BeanParam ConnectionForm form) {
    try {
      ConnectionDraft draft = draftOf(form);
      Connection created = connections.create(draft);
      saved(form, draft, created, null);
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
      ConnectionDraft draft = draftOf(form);
      String toolBefore = existing.toolName();
      Connection saved = connections.update(id, draft, form.renamesTool());
      saved(form, draft, saved, id);
      if (!saved.toolName().equals(toolBefore)) {
        flash.success(
            "Connection “"
                + saved.displayName()
                + "” saved. Its tool is now named “"
                + saved.toolName()
                + "”.");
      }
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

  /**
   * A Test Connection answer's URL opened again (reload after the POST, a bookmark, history): the
   * form it came from, not a 404. Each POST template needs its GET twin with the same template,
   * because JAX-RS picks the template before the method.
   */
  @GET
  @Path("connections/new/test")
  public String reopenNewTest() {
    return "redirect:connections/new/external-api";
  }

  /** As {@link #reopenNewTest()} for an edit; an unknown id is the 404 page. */
  @GET
  @Path("connections/{id}/edit/test")
  public String reopenEditTest(@PathParam("id") String id) {
    return "redirect:connections/" + connections.get(id).id() + "/edit";
  }

  /**
   * Runs the test on the typed values; a stored secret is used when Save would keep it. A request
   * sent by the form's script ({@value #INLINE_HEADER}) only needs the result: the browser keeps
   * what was typed. A plain form post keeps a typed secret for the Save that follows.
   */
  private Response test(ConnectionForm form, Connection existing) {
    String existingId = existing == null ? null : existing.id();
    try {
      ConnectionDraft draft = draftOf(form);
      ProbeReport report = tester.testDraft(draft, existingId);
      tested.tested(draft, existingId, report);
      models.put("testResult", TestResultView.of(report));
      keepTypedSecret(form);
      return Response.ok(show(form, existing, FieldErrors.none())).build();
    } catch (ProblemException refused) {
      return refused(form, existing, refused);
    }
  }

  private Response refused(ConnectionForm form, Connection existing, ProblemException refused) {
    keepTypedSecret(form);
    int status = refused.code().status() == 404 ? 404 : 400;
    return ViewStatus.of(
        servlet, status, show(form, existing, FieldErrors.of(refused, FIELD_LABELS)));
  }

  /**
   * The draft to save or test: the secret typed now, else the one kept from an earlier answer of
   * this form (same auth type and origin only), else none (an edit then keeps the stored one).
   */
  private ConnectionDraft draftOf(ConnectionForm form) {
    if (!form.hasTypedCredential()) {
      var kept = keptSecrets.find(form.getKeptReference(), form.getAuthType(), form.origin());
      if (kept.isPresent()) {
        return form.toDraftWithKept(kept.get());
      }
    }
    return form.toDraft();
  }

  /** Page answers never carry the secret back; the form gets a reference to it instead. */
  private void keepTypedSecret(ConnectionForm form) {
    if (isInline()) {
      return;
    }
    String origin = form.origin();
    if (form.hasTypedCredential() && origin != null) {
      models.put("keptSecret", keptSecrets.keep(form.typedSecret(), form.getAuthType(), origin));
    } else if (!form.hasTypedCredential()
        && keptSecrets.find(form.getKeptReference(), form.getAuthType(), origin).isPresent()) {
      models.put("keptSecret", form.getKeptReference());
    }
  }

  private boolean isInline() {
    return "1".equals(request.getHeader(INLINE_HEADER));
  }

  /** After a successful save: the test of exactly these values counts, the policy may object. */
  private void saved(ConnectionForm form, ConnectionDraft draft, Connection saved, String id) {
    keptSecrets.forget(form.getKeptReference());
    tested.takeIfSame(draft, id).ifPresent(report -> tester.keepAsLastTest(saved.id(), report));
    flash.success("Connection “" + saved.displayName() + "” saved.");
    destinations.of(saved).ifPresent(flash::warning);
    connections.list().stream()
        .filter(other -> !other.id().equals(saved.id()))
        .filter(other -> other.toolName().equals(saved.toolName()))
        .findFirst()
        .ifPresent(
            twin ->
                flash.warning(
                    "“"
                        + twin.displayName()
                        + "” has a tool named “"
                        + saved.toolName()
                        + "” too: an agent that has both sees the one enabled later as “"
                        + saved.toolName()
                        + "_2”. A distinct label keeps agents' prompts unambiguous."));
  }

  /**
   * Another connection whose tool has the name this form's label gives: an agent that has both
   * tells them apart only by a suffix. Null when there is none.
   */
  private String sameToolName(ConnectionForm form, Connection existing) {
    String label = form.getLabel() == null ? "" : form.getLabel().strip();
    if (label.isEmpty()) {
      return null;
    }
    String derived = ToolName.from(label);
    return connections.list().stream()
        .filter(other -> existing == null || !other.id().equals(existing.id()))
        .filter(other -> other.toolName().equals(derived))
        .map(Connection::displayName)
        .findFirst()
        .orElse(null);
  }

  private String show(ConnectionForm form, Connection existing, FieldErrors errors) {
    models.put("form", form);
    models.put("limits", LIMITS);
    models.put("authTypes", AUTH_TYPES);
    models.put("errors", errors);
    models.put("editing", existing != null);
    if (existing != null) {
      models.put("connectionId", existing.id());
      models.put("connectionName", existing.displayName());
      models.put("storedSecret", existing.hasSecret());
      models.put("storedAuthType", existing.authType().wire());
      models.put("toolName", existing.toolName());
    }
    models.put("sameToolName", sameToolName(form, existing));
    return VIEW;
  }
}
