package com.opstower.ui.layout;

import com.opstower.problem.ProblemCode;
import com.opstower.problem.ProblemException;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.mvc.Models;
import jakarta.mvc.security.CsrfValidationException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Failures in the UI end on an error page in the layout with generic text: never a stack trace,
 * class name, version or SQL. The exception's details go to the server log only.
 */
public final class ErrorPages {

  static final String VIEW = "error.html";

  private static final Logger LOG = Logger.getLogger(ErrorPages.class.getName());

  private ErrorPages() {}

  /** What every mapper needs to render a page; fields are injected per mapper instance. */
  abstract static class Mapper {
    @Inject Models models;

    @Inject ErrorPageRenderer renderer;

    @Context HttpServletRequest request;

    @Context HttpServletResponse response;

    Response page(int status, String title, String text) {
      models.put("status", status);
      models.put("title", title);
      models.put("text", text);
      return Response.status(status)
          .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
          .entity(renderer.render(VIEW, models, request, response))
          .build();
    }

    Response notFound() {
      return page(404, "Page not found", "There is no such page, or what it showed was deleted.");
    }
  }

  /** Ahead of Krazo's own mapper for the same exception, which renders no page. */
  @Priority(1)
  public static class ForCsrf extends Mapper implements ExceptionMapper<CsrfValidationException> {
    @Override
    public Response toResponse(CsrfValidationException refused) {
      return page(
          403,
          "Request refused",
          "The form was missing its security token or it had expired. Go back, reload the page"
              + " and try again.");
    }
  }

  public static class ForProblems extends Mapper implements ExceptionMapper<ProblemException> {
    @Override
    public Response toResponse(ProblemException problem) {
      if (problem.code() == ProblemCode.NOT_FOUND) {
        return notFound();
      }
      LOG.log(Level.INFO, "UI request failed: {0}", problem.code());
      return page(400, "Request not possible", "The request could not be carried out.");
    }
  }

  public static class ForWebApplication extends Mapper
      implements ExceptionMapper<WebApplicationException> {
    @Override
    public Response toResponse(WebApplicationException failure) {
      int status = failure.getResponse().getStatus();
      if (status == 404) {
        return notFound();
      }
      if (status >= 500) {
        LOG.log(Level.WARNING, "UI request failed", failure);
        return page(500, "Something went wrong", "The server could not show this page.");
      }
      return page(status, "Request not possible", "This request is not supported here.");
    }
  }

  public static class ForEverythingElse extends Mapper implements ExceptionMapper<Throwable> {
    @Override
    public Response toResponse(Throwable failure) {
      LOG.log(Level.WARNING, "UI request failed", failure);
      return page(
          500,
          "Something went wrong",
          "The server could not complete this request. Nothing secret was shown; the details are"
              + " in the server log.");
    }
  }
}
