package com.opstower.api;

import com.opstower.persistence.DatabaseUnavailable;
import com.opstower.problem.ProblemCode;
import com.opstower.problem.ProblemException;
import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every failure leaves {@code /api/v1} as a problem document: the contract's codes for known
 * problems, and a generic {@code internal-error} (details only in the server log) for the rest.
 */
public final class ProblemMappers {

  private static final Logger LOG = Logger.getLogger(ProblemMappers.class.getName());

  private ProblemMappers() {}

  @Provider
  public static class ForProblems implements ExceptionMapper<ProblemException> {
    @Override
    public Response toResponse(ProblemException problem) {
      return Problems.response(problem).build();
    }
  }

  @Provider
  public static class ForJson implements ExceptionMapper<JsonException> {
    @Override
    public Response toResponse(JsonException invalid) {
      return Problems.response(ProblemCode.INVALID_REQUEST, "The request body is not valid JSON.")
          .build();
    }
  }

  @Provider
  public static class ForJsonb implements ExceptionMapper<JsonbException> {
    @Override
    public Response toResponse(JsonbException invalid) {
      return Problems.response(ProblemCode.INVALID_REQUEST, "The request body is not valid JSON.")
          .build();
    }
  }

  /** A concurrent change of the same record; the caller should reload and retry. */
  @Provider
  public static class ForOptimisticLock implements ExceptionMapper<OptimisticLockException> {
    @Override
    public Response toResponse(OptimisticLockException conflict) {
      return Problems.response(
              ProblemCode.CONFLICT,
              "The record was changed by someone else at the same time; reload it and try again.")
          .build();
    }
  }

  @Provider
  public static class ForWebApplication implements ExceptionMapper<WebApplicationException> {
    @Override
    public Response toResponse(WebApplicationException failure) {
      if (failure instanceof NotFoundException) {
        return Problems.response(ProblemCode.NOT_FOUND, "There is no such resource.").build();
      }
      if (failure instanceof NotAllowedException) {
        return Problems.response(
                405, ProblemCode.INVALID_METHOD, "This method is not allowed here.", List.of())
            .build();
      }
      if (failure instanceof NotSupportedException) {
        return Problems.response(
                415, ProblemCode.INVALID_REQUEST, "Send the body as application/json.", List.of())
            .build();
      }
      if (failure instanceof NotAcceptableException) {
        return Problems.response(
                406, ProblemCode.INVALID_REQUEST, "Accept application/json.", List.of())
            .build();
      }
      int status = failure.getResponse().getStatus();
      if (status >= 400 && status < 500) {
        return Problems.response(
                status, ProblemCode.INVALID_REQUEST, "The request is not valid.", List.of())
            .build();
      }
      return ForEverythingElse.internalError(failure);
    }
  }

  @Provider
  public static class ForEverythingElse implements ExceptionMapper<Throwable> {
    @Override
    public Response toResponse(Throwable failure) {
      Throwable cause = failure;
      while (cause != null) {
        if (cause instanceof ProblemException problem) {
          return Problems.response(problem).build();
        }
        if (cause instanceof OptimisticLockException conflict) {
          return new ForOptimisticLock().toResponse(conflict);
        }
        cause = cause.getCause();
      }
      if (DatabaseUnavailable.in(failure)) {
        LOG.warning(() -> "The database cannot be reached: " + DatabaseUnavailable.reason(failure));
        return Problems.response(
                ProblemCode.DATABASE_UNAVAILABLE,
                "The database cannot be reached. Try again in a few seconds.")
            .header("Retry-After", "5")
            .build();
      }
      return internalError(failure);
    }

    /** A logged failure's answer: {@code internal-error}, its details only in the server log. */
    public static Response internalError(Throwable failure) {
      LOG.log(Level.SEVERE, "Unexpected failure in /api/v1", failure);
      return Problems.response(
              ProblemCode.INTERNAL_ERROR,
              "Something went wrong on the server. The failure was logged; try again later.")
          .build();
    }
  }
}
