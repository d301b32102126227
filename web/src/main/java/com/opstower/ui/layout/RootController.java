package com.opstower.ui.layout;

import jakarta.enterprise.context.RequestScoped;
import jakarta.mvc.Controller;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

/**
 * The home page is the connection list; unknown UI paths get the 404 page in the layout. Every UI
 * controller shares the root path {@code /} (Jersey merges them into one resource), so this
 * catch-all is only chosen when no other method matches.
 */
@Controller
@RequestScoped
@Path("/")
public class RootController {

  @GET
  public String home() {
    return "redirect:connections";
  }

  /** Matched only when no other UI path does (literal paths win in JAX-RS matching). */
  @GET
  @Path("{unknown: .+}")
  public String unknown() {
    throw new NotFoundException();
  }

  /** A POST to an unknown path (after the CSRF check, which comes first). */
  @POST
  @Path("{unknown: .+}")
  public String unknownPost() {
    throw new NotFoundException();
  }
}
