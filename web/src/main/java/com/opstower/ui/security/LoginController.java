package com.opstower.ui.security;

import com.opstower.ui.layout.ViewStatus;
import com.opstower.user.control.UserService;
import com.opstower.user.entity.User;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.mvc.Controller;
import jakarta.mvc.Models;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Optional;

/**
 * Sign in and sign out. Both POSTs are CSRF protected like every other form. A sign-in asks the
 * {@link SignInThrottle} first: a throttled attempt is answered with 429 before any password hash
 * is computed.
 *
 * <p>A deep link survives sign-in: {@code GET /login?next=/agents} (where the {@link LoginGate}
 * sends a signed-out request) keeps the page in the session, checked by {@link UiPaths#safeNext},
 * and a successful sign-in redirects there instead of to the connection list. Anything the check
 * refuses is dropped, so {@code next} can never send the browser to another site.
 */
@Controller
@RequestScoped
@Path("/")
public class LoginController {

  static final String VIEW = "login.html";

  /** Where to go after signing in, as accepted by {@link UiPaths#safeNext}. */
  static final String NEXT = "com.opstower.ui.login.next";

  /** Where sign-in goes without a (valid) deep link. */
  static final String HOME = "/connections";

  @Inject UserService users;

  @Inject SignInThrottle throttle;

  @Inject Models models;

  @Context HttpServletResponse servlet;

  @Context HttpServletRequest request;

  @GET
  @Path("login")
  public String form(
      @QueryParam("signedOut") String signedOut,
      @QueryParam("passwordChanged") String passwordChanged,
      @QueryParam("next") String next) {
    Optional<String> safe = UiPaths.safeNext(next);
    if (SessionLogin.user(request).isPresent()) {
      return "redirect:" + safe.orElse(HOME);
    }
    if (safe.isPresent()) {
      request.getSession(true).setAttribute(NEXT, safe.get());
    } else if (request.getSession(false) != null) {
      request.getSession(false).removeAttribute(NEXT);
    }
    models.put("signedOut", signedOut != null);
    models.put("passwordChanged", passwordChanged != null);
    return VIEW;
  }

  @POST
  @Path("login")
  public Response signIn(
      @FormParam("username") String username, @FormParam("password") String password) {
    String name = username == null ? "" : username.trim();
    char[] secret = password == null ? new char[0] : password.toCharArray();
    String address = request.getRemoteAddr();
    models.put("username", name);
    Optional<SignInThrottle.Refusal> refused = throttle.admit(name, address);
    if (refused.isPresent()) {
      return throttled(refused.get());
    }
    Optional<User> user =
        name.isEmpty() || secret.length == 0 ? Optional.empty() : users.verify(name, secret);
    if (user.isPresent()) {
      throttle.succeeded(name, address);
      String next = takeNext();
      SessionLogin.signIn(request, name, user.get().credentialStamp());
      return Response.ok("redirect:" + next).build();
    }
    models.put("failed", true);
    return ViewStatus.of(servlet, 401, VIEW);
  }

  @POST
  @Path("logout")
  public String signOut() {
    SessionLogin.signOut(request);
    return "redirect:login?signedOut";
  }

  /** The deep link kept by the sign-in page, checked again, and forgotten; else the home page. */
  private String takeNext() {
    HttpSession session = request.getSession(false);
    if (session == null) {
      return HOME;
    }
    Object kept = session.getAttribute(NEXT);
    session.removeAttribute(NEXT);
    return kept instanceof String next ? UiPaths.safeNext(next).orElse(HOME) : HOME;
  }

  /**
   * The sign-in page again, with when to try again in words and in {@code Retry-After}; the form
   * stays usable for that time. The header is set on the servlet response, which Krazo writes
   * before Jersey applies the returned response (see {@link ViewStatus}).
   */
  private Response throttled(SignInThrottle.Refusal refusal) {
    models.put("throttled", refusal.message());
    servlet.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(refusal.retryAfterSeconds()));
    return ViewStatus.of(servlet, Response.Status.TOO_MANY_REQUESTS.getStatusCode(), VIEW);
  }
}
