package com.opstower.connection.control;

import static com.opstower.connection.control.AuthRules.add;
import static com.opstower.connection.control.ConnectionFields.AUTH_TYPE;
import static com.opstower.connection.control.ConnectionFields.BASE_URL;
import static com.opstower.connection.control.ConnectionFields.DESCRIPTION;
import static com.opstower.connection.control.ConnectionFields.DOCS_URL;
import static com.opstower.connection.control.ConnectionFields.LABEL;
import static com.opstower.connection.control.ConnectionFields.POLICY_METHODS;
import static com.opstower.connection.control.ConnectionFields.POLICY_PATHS;
import static com.opstower.connection.entity.ConnectionLimits.DESCRIPTION_MAX;
import static com.opstower.connection.entity.ConnectionLimits.LABEL_MAX;

import com.opstower.connection.entity.AuthType;
import com.opstower.connection.entity.BaseUrl;
import com.opstower.connection.entity.CallPolicy;
import com.opstower.connection.entity.DocsUrl;
import com.opstower.problem.ProblemCode;
import com.opstower.problem.ProblemException;
import com.opstower.problem.ProblemException.FieldError;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The one place where the rules for connection input live (docs/api.md "Connections",
 * docs/security.md §6–7). The REST API reports the errors as a problem's {@code errors} array, the
 * web form shows each message next to its field; both get at most one message per field.
 */
@ApplicationScoped
public class ConnectionValidator {

  static final String AUTH_TYPES =
      Arrays.stream(AuthType.values()).map(AuthType::wire).collect(Collectors.joining(", "));

  /**
   * Returns the problems of {@code draft}, empty when it is valid.
   *
   * @param secretAlreadyStored true when editing a connection that has a stored secret for the same
   *     auth type and the base URL's origin did not change: then a blank secret keeps it
   */
  public List<FieldError> validate(ConnectionDraft draft, boolean secretAlreadyStored) {
    Objects.requireNonNull(draft, "draft");
    List<FieldError> errors = new ArrayList<>();
    add(errors, LABEL, labelProblem(draft.label()));
    add(errors, BASE_URL, baseUrlProblem(draft.baseUrl()));
    String type = draft.authType();
    AuthType.fromWire(type)
        .ifPresentOrElse(
            authType -> AuthRules.check(authType, draft, secretAlreadyStored, errors),
            () -> add(errors, AUTH_TYPE, authTypeProblem(type)));
    add(errors, DOCS_URL, docsUrlProblem(draft.docsUrl()));
    add(errors, DESCRIPTION, descriptionProblem(draft.description()));
    if (draft.policy() != null) {
      add(errors, POLICY_METHODS, CallPolicy.methodsProblem(draft.policy().methods()));
      add(errors, POLICY_PATHS, CallPolicy.pathsProblem(draft.policy().paths()));
    }
    return List.copyOf(errors);
  }

  /**
   * Validates and throws {@code invalid-request} with the field errors when there are any; the
   * detail names the fields (and the message, when there is one), never a value.
   */
  public void requireValid(ConnectionDraft draft, boolean secretAlreadyStored) {
    List<FieldError> errors = validate(draft, secretAlreadyStored);
    if (errors.isEmpty()) {
      return;
    }
    String detail =
        errors.size() == 1
            ? errors.get(0).field() + ": " + errors.get(0).message()
            : "Fix these fields: "
                + errors.stream().map(FieldError::field).collect(Collectors.joining(", "))
                + ".";
    throw new ProblemException(ProblemCode.INVALID_REQUEST, detail, errors);
  }

  static String labelProblem(String label) {
    if (label == null) {
      return null; // optional: the UI and tools fall back to the base URL's host
    }
    if (label.length() > LABEL_MAX) {
      return "Use at most " + LABEL_MAX + " characters for the label.";
    }
    if (TextRules.hasControl(label, false)) {
      return "Remove the control characters (such as tabs, line breaks or text-direction marks)"
          + " from the label.";
    }
    return null;
  }

  static String baseUrlProblem(String baseUrl) {
    if (baseUrl == null) {
      return "Enter the base URL of the API, such as https://api.example.com/v1.";
    }
    try {
      BaseUrl.parse(baseUrl);
      return null;
    } catch (IllegalArgumentException e) {
      return e.getMessage();
    }
  }

  static String authTypeProblem(String type) {
    return (type == null ? "Choose an authentication type: " : "Choose one of these types: ")
        + AUTH_TYPES
        + ".";
  }

  static String docsUrlProblem(String docsUrl) {
    if (docsUrl == null) {
      return null;
    }
    try {
      DocsUrl.parse(docsUrl);
      return null;
    } catch (IllegalArgumentException e) {
      return e.getMessage();
    }
  }

  static String descriptionProblem(String description) {
    if (description == null) {
      return null;
    }
    if (description.length() > DESCRIPTION_MAX) {
      return "Use at most " + DESCRIPTION_MAX + " characters for the description.";
    }
    if (TextRules.hasControl(description, true)) {
      return "Remove the control characters from the description; line breaks and tabs are fine.";
    }
    return null;
  }
}
