package com.opstower.execution.request;

import com.opstower.http.MediaTypeSyntax;
import com.opstower.problem.ProblemCode;
import com.opstower.problem.ProblemException;
import com.opstower.problem.SafeText;

/**
 * Checks a request body before anything is sent (docs/security.md §3, docs/api.md "Execute a
 * request"): no body on GET or DELETE, at most {@code maxBytes}, and a well-formed media type.
 */
final class BodyRules {

  public static final int MAX_CONTENT_TYPE_LENGTH = 256;

  private BodyRules() {}

  /**
   * The body to send; without a body the result is {@link OutboundBody#none()} and any content type
   * is ignored.
   *
   * @throws ProblemException {@code INVALID_REQUEST} or {@code BODY_TOO_LARGE}
   */
  static OutboundBody check(RequestMethod method, OutboundBody body, long maxBytes) {
    if (body == null || !body.isPresent()) {
      return OutboundBody.none();
    }
    if (!method.allowsBody()) {
      throw new ProblemException(
          ProblemCode.INVALID_REQUEST,
          "A "
              + method
              + " request cannot have a body; use POST, PUT or PATCH or leave 'body' null.");
    }
    if (body.length() > maxBytes) {
      throw new ProblemException(
          ProblemCode.BODY_TOO_LARGE,
          "The request body is "
              + body.length()
              + " bytes; at most "
              + maxBytes
              + " bytes may be sent.");
    }
    checkContentType(body.contentType());
    return body;
  }

  private static void checkContentType(String contentType) {
    if (contentType == null) {
      throw new ProblemException(ProblemCode.INVALID_REQUEST, "The 'contentType' is missing.");
    }
    if (contentType.length() > MAX_CONTENT_TYPE_LENGTH || !MediaTypeSyntax.isValid(contentType)) {
      throw new ProblemException(
          ProblemCode.INVALID_REQUEST,
          "The 'contentType' "
              + SafeText.quote(contentType)
              + " is not a valid media type (e.g. 'application/json'), or is longer than "
              + MAX_CONTENT_TYPE_LENGTH
              + " characters.");
    }
  }
}
