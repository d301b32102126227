package com.opstower.connection.control;

import static com.opstower.connection.control.AuthRules.add;

import com.opstower.connection.entity.ConnectionLimits;
import com.opstower.connection.entity.DocsUrl;
import com.opstower.connection.entity.OAuthSettings;
import com.opstower.problem.ProblemException.FieldError;
import java.util.List;

/** The rules for the OAuth 2.0 client-credentials fields (docs/api.md). */
final class OAuthRules {

  private OAuthRules() {}

  static void check(ConnectionDraft.OAuthDraft oauth, List<FieldError> errors) {
    ConnectionDraft.OAuthDraft given =
        oauth == null ? new ConnectionDraft.OAuthDraft(null, null, null, null, null) : oauth;
    add(errors, ConnectionFields.TOKEN_URL, tokenUrlProblem(given.tokenUrl()));
    add(errors, ConnectionFields.CLIENT_ID, clientIdProblem(given.clientId()));
    add(errors, ConnectionFields.SCOPE, textProblem(given.scope(), "scope"));
    add(errors, ConnectionFields.AUDIENCE, textProblem(given.audience(), "audience"));
    if (given.clientAuth() != null
        && OAuthSettings.ClientAuth.fromWire(given.clientAuth()).isEmpty()) {
      add(
          errors,
          ConnectionFields.CLIENT_AUTH,
          "Choose how the client authenticates at the token endpoint: basic (HTTP Basic, the"
              + " default) or body (client_id and client_secret in the form).");
    }
  }

  static String tokenUrlProblem(String tokenUrl) {
    if (tokenUrl == null) {
      return "Enter the token endpoint of your authorization server, such as"
          + " https://auth.example.com/oauth/token.";
    }
    try {
      DocsUrl.parse(tokenUrl);
    } catch (IllegalArgumentException invalid) {
      return invalid.getMessage();
    }
    if (tokenUrl.indexOf('#') >= 0) {
      return "Remove the fragment (#…) from the token URL.";
    }
    return null;
  }

  static String clientIdProblem(String clientId) {
    if (clientId == null) {
      return "Enter the client id your authorization server gave this application.";
    }
    if (clientId.length() > ConnectionLimits.USERNAME_MAX) {
      return "Use at most " + ConnectionLimits.USERNAME_MAX + " characters for the client id.";
    }
    if (TextRules.hasControl(clientId, false) || !clientId.equals(clientId.strip())) {
      return "Remove the control characters and the spaces at the start or end of the client id.";
    }
    return null;
  }

  private static String textProblem(String text, String name) {
    if (text == null) {
      return null;
    }
    if (text.length() > ConnectionLimits.OAUTH_TEXT_MAX) {
      return "Use at most " + ConnectionLimits.OAUTH_TEXT_MAX + " characters for the " + name + ".";
    }
    if (TextRules.hasControl(text, false)) {
      return "Remove the line breaks and other control characters from the " + name + ".";
    }
    return null;
  }
}
