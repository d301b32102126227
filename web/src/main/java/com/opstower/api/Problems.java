package com.opstower.api;

import com.opstower.execution.control.RateLimitedException;
import com.opstower.problem.ProblemCode;
import com.opstower.problem.ProblemException;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/** Writes RFC 9457 problem documents with the contract's {@code code}. */
public final class Problems {

  public static final String MEDIA_TYPE = "application/problem+json";

  /** Created once: each {@code Json.create…} call would look the provider up (ServiceLoader). */
  private static final JsonBuilderFactory JSON = Json.createBuilderFactory(Map.of());

  private Problems() {}

  public static Response.ResponseBuilder response(ProblemCode code, String detail) {
    return response(code, detail, List.of());
  }

  public static Response.ResponseBuilder response(ProblemException problem) {
    Response.ResponseBuilder response =
        response(problem.code(), problem.detail(), problem.errors());
    if (problem.code() == ProblemCode.RATE_LIMITED) {
      long seconds =
          problem instanceof RateLimitedException limited ? limited.retryAfterSeconds() : 1;
      response.header("Retry-After", Math.max(1, seconds));
    }
    return response;
  }

  public static Response.ResponseBuilder response(
      ProblemCode code, String detail, List<ProblemException.FieldError> errors) {
    return response(code.status(), code, detail, errors);
  }

  /** For the few statuses the contract has no code of its own for (405, 415). */
  public static Response.ResponseBuilder response(
      int status, ProblemCode code, String detail, List<ProblemException.FieldError> errors) {
    JsonObjectBuilder json =
        JSON.createObjectBuilder()
            .add("type", code.type())
            .add("title", code.title())
            .add("status", status)
            .add("code", code.code())
            .add("detail", detail);
    if (!errors.isEmpty()) {
      JsonArrayBuilder array = JSON.createArrayBuilder();
      errors.forEach(
          error ->
              array.add(
                  JSON.createObjectBuilder()
                      .add("field", error.field())
                      .add("message", error.message())));
      json.add("errors", array);
    }
    return Response.status(status)
        .type(MEDIA_TYPE + "; charset=UTF-8")
        .entity(json.build().toString());
  }
}
