package com.opstower.ui.layout;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;

/**
 * A view with a status other than 200, e.g. a refused form with 400. Krazo 3.0.1 writes the page
 * straight to the servlet response before Jersey sets the status of the returned {@code Response},
 * so the status is also set on the servlet response first.
 */
public final class ViewStatus {

  private ViewStatus() {}

  public static Response of(HttpServletResponse servlet, int status, String view) {
    servlet.setStatus(status);
    return Response.status(status).entity(view).build();
  }
}
