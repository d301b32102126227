package com.opstower.ui.layout;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.mvc.Models;
import jakarta.mvc.engine.ViewEngine;
import jakarta.mvc.engine.ViewEngineContext;
import jakarta.mvc.engine.ViewEngineException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Configuration;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Renders an error view to a string. Krazo 3.0.1 turns a view name into a page only when a
 * controller method returned normally, so a page for an exception (CSRF refusal, unknown id,
 * failure) is rendered here with the same Thymeleaf engine and models as every other page.
 */
@ApplicationScoped
public class ErrorPageRenderer {

  private static final String VIEW_FOLDER = "/WEB-INF/views/";

  private static final Logger LOG = Logger.getLogger(ErrorPageRenderer.class.getName());

  /** When even the error page fails: plain text, still without any detail. */
  private static final String FALLBACK =
      "<!DOCTYPE html><html lang=\"en\"><title>Error</title><h1>Something went wrong</h1>"
          + "<p><a href=\"/connections\">Back to Connections</a></p></html>";

  @Inject @Any Instance<ViewEngine> engines;

  public String render(
      String view, Models models, HttpServletRequest request, HttpServletResponse response) {
    String path = VIEW_FOLDER + view;
    ViewEngine engine =
        engines.stream()
            .filter(candidate -> candidate.supports(path))
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("No view engine for " + view));
    StringWriter html = new StringWriter();
    try {
      engine.processView(new Context(path, models, request, new Capture(response, html)));
      return html.toString();
    } catch (ViewEngineException | RuntimeException failed) {
      LOG.log(Level.WARNING, "The error page could not be rendered", failed);
      return FALLBACK;
    }
  }

  /** Keeps the servlet response untouched: the page is returned as the JAX-RS entity instead. */
  private static final class Capture extends HttpServletResponseWrapper {
    private final PrintWriter writer;

    Capture(HttpServletResponse response, StringWriter target) {
      super(response);
      this.writer = new PrintWriter(target);
    }

    @Override
    public PrintWriter getWriter() {
      return writer;
    }

    @Override
    public void flushBuffer() {
      writer.flush();
    }
  }

  private record Context(
      String view, Models models, HttpServletRequest request, HttpServletResponse response)
      implements ViewEngineContext {

    @Override
    public String getView() {
      return view;
    }

    @Override
    public Models getModels() {
      return models;
    }

    @Override
    public Locale getLocale() {
      return Locale.ENGLISH;
    }

    @Override
    public <T> T getRequest(Class<T> type) {
      return type.cast(request);
    }

    @Override
    public <T> T getResponse(Class<T> type) {
      return type.cast(response);
    }

    @Override
    public MultivaluedMap<String, Object> getResponseHeaders() {
      return null;
    }

    @Override
    public OutputStream getOutputStream() {
      return null;
    }

    @Override
    public MediaType getMediaType() {
      return MediaType.TEXT_HTML_TYPE;
    }

    @Override
    public UriInfo getUriInfo() {
      return null;
    }

    @Override
    public ResourceInfo getResourceInfo() {
      return null;
    }

    @Override
    public Configuration getConfiguration() {
      return null;
    }
  }
}
