package com.opstower.ui.security;

import com.opstower.ui.layout.ViewStatus;
import com.opstower.user.control.UserService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.mvc.Controller;
import jakarta.mvc.Models;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;

/** Sign in and sign out. Both POSTs are CSRF protected like every other form. */
@Controller
@RequestScoped
@Path("/")
public class LoginController {

  static final String VIEW = "login.html";

  @Inject UserService users;

  @Inject Models models;

  @Context HttpServletResponse servlet;

  @Context HttpServletRequest request;

  @GET
  @Path("login")
  public String form(@QueryParam("signedOut") String signedOut) {
    if (SessionLogin.user(request).isPresent()) {
      return "redirect:connections";
    }
    models.put("signedOut", signedOut != null);
    return VIEW;
  }

  @POST
  @Path("login")
  public Response signIn(
      @FormParam("username") String username, @FormParam("password") String password) {
    String name = username == null ? "" : username.trim();
    char[] secret = password == null ? new char[0] : password.toCharArray();
    if (!name.isEmpty() && secret.length > 0 && users.verify(name, secret).isPresent()) {
      SessionLogin.signIn(request, name);
      return Response.ok("redirect:connections").build();
    }
    models.put("username", name);
    models.put("failed", true);
    return ViewStatus.of(servlet, 401, VIEW);
  }

  @POST
  @Path("logout")
  public String signOut() {
    SessionLogin.signOut(request);
    return "redirect:login?signedOut";
  }
}
