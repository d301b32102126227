package com.opstower.connection.control;

import static com.opstower.connection.control.ConnectionFields.HEADER_NAME;
import static com.opstower.connection.control.ConnectionFields.PARAM_NAME;
import static com.opstower.connection.control.ConnectionFields.USERNAME;
import static com.opstower.connection.entity.ConnectionLimits.NAME_MAX;
import static com.opstower.connection.entity.ConnectionLimits.SECRET_MAX;
import static com.opstower.connection.entity.ConnectionLimits.USERNAME_MAX;

import com.opstower.connection.entity.AuthType;
import com.opstower.http.HttpToken;
import com.opstower.http.ReservedHeaders;
import com.opstower.problem.ProblemException.FieldError;
import java.util.List;

/**
 * The rules for the fields of one auth type. Fields that belong to other types are ignored: the web
 * form posts all of them, and only the chosen type's fields are stored.
 */
final class AuthRules {

  static final String TOKEN_CHARACTERS =
      "letters, digits and the characters !#$%&'*+-.^_`|~ (no spaces or colons)";

  /**
   * Token characters that mean something in a query string. Refused in parameter names although RFC
   * 9110 allows them, so that no encoder or upstream can read the name differently (a "+" that
   * turns into a space, a "%" that starts an escape).
   */
  private static final String QUERY_SYNTAX = "&#+%";

  static final String PARAM_NAME_CHARACTERS =
      "letters, digits and the characters !$'*-.^_`|~ (no spaces, '&', '#', '+', '%' or '=')";

  private AuthRules() {}

  static void check(
      AuthType type, ConnectionDraft draft, boolean secretAlreadyStored, List<FieldError> errors) {
    switch (type) {
      case API_KEY_HEADER -> add(errors, HEADER_NAME, headerNameProblem(draft.headerName()));
      case BASIC -> add(errors, USERNAME, usernameProblem(draft.username()));
      case QUERY_PARAM -> add(errors, PARAM_NAME, paramNameProblem(draft.paramName()));
      case OAUTH2_CLIENT_CREDENTIALS -> OAuthRules.check(draft.oauth(), errors);
      case BEARER, NONE -> {}
    }
    if (type.hasSecret()) {
      String field = ConnectionFields.secretField(type).orElseThrow();
      add(errors, field, secretProblem(type, draft.secret(), secretAlreadyStored));
    }
  }

  static String headerNameProblem(String name) {
    if (name == null) {
      return "Enter the name of the header your API expects, such as X-API-Key.";
    }
    if (name.length() > NAME_MAX) {
      return "Use at most " + NAME_MAX + " characters for the header name.";
    }
    if (!HttpToken.isToken(name)) {
      return "Use only " + TOKEN_CHARACTERS + " in the header name.";
    }
    // safe to quote: a token has no spaces, quotes, controls or markup characters. Refused: the
    // headers an agent may never send, and those OpsTower sets itself on every request
    // (docs/security.md §2)
    if (ReservedHeaders.isReserved(name) || ReservedHeaders.isSetByServer(name)) {
      return "'" + name + "' is reserved; choose the header your API expects, such as X-API-Key.";
    }
    return null;
  }

  static String paramNameProblem(String name) {
    if (name == null) {
      return "Enter the name of the query parameter your API expects, such as api_key.";
    }
    if (name.length() > NAME_MAX) {
      return "Use at most " + NAME_MAX + " characters for the parameter name.";
    }
    if (!HttpToken.isToken(name) || name.chars().anyMatch(c -> QUERY_SYNTAX.indexOf(c) >= 0)) {
      return "Use only " + PARAM_NAME_CHARACTERS + " in the parameter name.";
    }
    return null;
  }

  /** RFC 7617: the user-id cannot contain a colon, since it is sent as "user:password". */
  static String usernameProblem(String username) {
    if (username == null) {
      return "Enter the user name.";
    }
    if (username.length() > USERNAME_MAX) {
      return "Use at most " + USERNAME_MAX + " characters for the user name.";
    }
    if (username.indexOf(':') >= 0) {
      return "Remove the colon: Basic authentication cannot send a user name that contains ':'.";
    }
    if (TextRules.hasControl(username, false)) {
      return "Remove the control characters (such as tabs or line breaks) from the user name.";
    }
    if (!username.equals(username.strip())) {
      return "Remove the spaces at the start or end of the user name.";
    }
    return null;
  }

  /**
   * Never mentions the value, its length or any part of it. Control characters are refused because
   * the secret goes into a header or query string, where CR/LF would inject a header.
   */
  static String secretProblem(AuthType type, String secret, boolean secretAlreadyStored) {
    String noun = ConnectionFields.secretNoun(type);
    if (secret == null) {
      return secretAlreadyStored ? null : "Enter the " + noun + ".";
    }
    if (secret.length() > SECRET_MAX) {
      return "The " + noun + " is too long; use at most " + SECRET_MAX + " characters.";
    }
    if (TextRules.hasControl(secret, false)) {
      return "The "
          + noun
          + " contains a line break or another control character; paste it again without them.";
    }
    boolean sentAsHeaderValue = type == AuthType.BEARER || type == AuthType.API_KEY_HEADER;
    if (sentAsHeaderValue && !TextRules.isHeaderSafe(secret)) {
      return "The "
          + noun
          + " can only contain visible ASCII characters and spaces, because it is sent in an"
          + " HTTP header.";
    }
    return null;
  }

  static void add(List<FieldError> errors, String field, String problem) {
    if (problem != null) {
      errors.add(new FieldError(field, problem));
    }
  }
}
