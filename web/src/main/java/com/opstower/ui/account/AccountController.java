package com.opstower.ui.account;

import com.opstower.connection.control.Reencryption;
import com.opstower.ui.layout.FieldErrors;
import com.opstower.ui.layout.Flash;
import com.opstower.ui.layout.ViewStatus;
import com.opstower.ui.security.SessionLogin;
import com.opstower.user.control.PasswordRules;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import java.util.Optional;

/**
 * Change one's password (the current one is asked again; {@link PasswordRules} say what a new one
 * must be) and run the key-rotation job. A changed password ends the user's other sessions: this
 * one carries the new credential stamp, theirs no longer match it (see {@code LoginGate}).
 */
@Controller
@RequestScoped
@Path("/")
public class AccountController {

  static final String VIEW = "account/password.html";

  @Inject UserService users;

  @Inject Reencryption reencryption;

  @Inject Models models;

  @Context HttpServletResponse servlet;

  @Inject Flash flash;

  @Context HttpServletRequest request;

  @GET
  @Path("account/password")
  public String form() {
    models.put("errors", FieldErrors.none());
    return VIEW;
  }

  @POST
  @Path("account/password")
  public Response change(
      @FormParam("current") String current,
      @FormParam("password") String password,
      @FormParam("confirm") String confirm) {
    String username = SessionLogin.user(request).orElseThrow();
    FieldErrors errors = check(username, current, password, confirm);
    if (!errors.isEmpty()) {
      models.put("errors", errors);
      return ViewStatus.of(servlet, 400, VIEW);
    }
    SessionLogin.credentialsChanged(request, users.changePassword(username, password));
    flash.success("Password changed. Your other sessions are signed out.");
    return Response.ok("redirect:account/password").build();
  }

  /** Seals every stored secret again under the active key (after adding and activating a key). */
  @POST
  @Path("account/reencrypt")
  public String reencrypt() {
    Reencryption.Result result = reencryption.run();
    if (result.remaining() == 0) {
      flash.success(
          result.reencrypted() + " secret(s) re-encrypted under key “" + result.activeKey() + "”.");
    } else {
      flash.error(
          result.reencrypted()
              + " secret(s) re-encrypted; "
              + result.remaining()
              + " could not be: their key is not configured.");
    }
    return "redirect:account/password";
  }

  private FieldErrors check(String username, String current, String password, String confirm) {
    if (current == null
        || current.isEmpty()
        || users.verify(username, current.toCharArray()).isEmpty()) {
      return FieldErrors.single("current", "This is not your current password.");
    }
    Optional<String> refused = PasswordRules.refusalOfNew(username, current, password);
    if (refused.isPresent()) {
      return FieldErrors.single("password", refused.get());
    }
    if (!password.equals(confirm)) {
      return FieldErrors.single("confirm", "The two new passwords differ.");
    }
    return FieldErrors.none();
  }
}
