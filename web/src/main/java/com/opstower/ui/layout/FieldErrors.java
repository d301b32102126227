package com.opstower.ui.layout;

import com.opstower.problem.ProblemException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The field errors of a refused form, keyed by the domain's field names (the contract's JSON paths,
 * e.g. {@code auth.token}), so each message can sit next to its input.
 */
public final class FieldErrors {

  private final Map<String, String> byField = new LinkedHashMap<>();
  private final String summary;

  private FieldErrors(String summary) {
    this.summary = summary;
  }

  public static FieldErrors none() {
    return new FieldErrors(null);
  }

  public static FieldErrors of(ProblemException problem) {
    FieldErrors errors = new FieldErrors(problem.detail());
    problem.errors().forEach(error -> errors.byField.putIfAbsent(error.field(), error.message()));
    return errors;
  }

  /**
   * Like {@link #of(ProblemException)}, with a summary that names each invalid field by the label
   * the person sees ("Base URL: …") rather than its JSON path ("baseUrl: …").
   *
   * @param labels field path → label; fields without one keep the service's summary
   */
  public static FieldErrors of(ProblemException problem, Map<String, String> labels) {
    FieldErrors plain = of(problem);
    if (plain.byField.isEmpty()) {
      return plain;
    }
    StringBuilder summary = new StringBuilder();
    for (Map.Entry<String, String> error : plain.byField.entrySet()) {
      String label = labels.get(error.getKey());
      if (label == null) {
        return plain;
      }
      summary.append(summary.length() == 0 ? "" : " ").append(label).append(": ");
      String message = error.getValue();
      summary.append(message).append(message.endsWith(".") ? "" : ".");
    }
    FieldErrors labelled = new FieldErrors(summary.toString());
    labelled.byField.putAll(plain.byField);
    return labelled;
  }

  public static FieldErrors single(String field, String message) {
    FieldErrors errors = new FieldErrors(message);
    errors.byField.put(field, message);
    return errors;
  }

  /** The message for {@code field}, or null. */
  public String of(String field) {
    return byField.get(field);
  }

  public boolean has(String field) {
    return byField.containsKey(field);
  }

  public boolean isEmpty() {
    return summary == null && byField.isEmpty();
  }

  /** The service's one-line description of what is wrong, for the top of the form. */
  public String summary() {
    return summary;
  }
}
