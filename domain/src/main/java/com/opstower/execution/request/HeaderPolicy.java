package com.opstower.execution.request;

import com.opstower.http.HttpToken;
import com.opstower.http.ReservedHeaders;
import com.opstower.problem.ProblemCode;
import com.opstower.problem.ProblemException;
import com.opstower.problem.SafeText;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Decides which agent headers may be sent upstream (docs/security.md §2). Besides {@link
 * ReservedHeaders} and the connection's own credential header, it refuses the three headers the
 * server sets itself: {@code Content-Type} (comes from the request's {@code contentType}), {@code
 * Accept-Encoding} (always {@code identity}, so responses can be capped and redacted) and {@code
 * User-Agent} (identifies OpsTower to the upstream). Refusing rather than silently dropping tells
 * the agent that its header was not sent. Names compare like {@link ReservedHeaders#normalize}.
 */
final class HeaderPolicy {

  public static final int DEFAULT_MAX_HEADERS = 32;
  public static final int DEFAULT_MAX_NAME_LENGTH = 64;
  public static final int DEFAULT_MAX_VALUE_LENGTH = 4096;

  /**
   * Headers that make an upstream answer with a slice of a representation (docs/security.md §9): a
   * slice can start or end inside an echoed credential, and no redaction can recognise a fragment.
   * {@code Request-Range} is Netscape's old spelling of {@code Range}; {@code A-IM} asks for a
   * delta (RFC 3229), which is a slice too.
   */
  private static final Set<String> SLICING_HEADERS =
      Set.of("range", "if-range", "request-range", "content-range", "a-im");

  private static final Set<String> CREDENTIAL_HEADERS =
      Set.of("authorization", "proxy-authorization");

  private final int maxHeaders;
  private final int maxNameLength;
  private final int maxValueLength;

  public HeaderPolicy() {
    this(DEFAULT_MAX_HEADERS, DEFAULT_MAX_NAME_LENGTH, DEFAULT_MAX_VALUE_LENGTH);
  }

  public HeaderPolicy(int maxHeaders, int maxNameLength, int maxValueLength) {
    this.maxHeaders = maxHeaders;
    this.maxNameLength = maxNameLength;
    this.maxValueLength = maxValueLength;
  }

  /**
   * The headers to send, in the agent's order and spelling, values without surrounding spaces or
   * tabs.
   *
   * @param credentialHeaderNameOrNull the connection's {@code api_key_header} name, if any
   * @throws ProblemException {@code FORBIDDEN_HEADER} naming the first refused header
   */
  public Map<String, String> check(
      Map<String, String> agentHeaders, String credentialHeaderNameOrNull) {
    if (agentHeaders == null || agentHeaders.isEmpty()) {
      return Map.of();
    }
    if (agentHeaders.size() > maxHeaders) {
      throw forbidden("Too many headers: at most " + maxHeaders + " may be sent.");
    }
    String credentialHeader =
        credentialHeaderNameOrNull == null
            ? null
            : ReservedHeaders.normalize(credentialHeaderNameOrNull);
    Set<String> seen = new HashSet<>();
    Map<String, String> accepted = new LinkedHashMap<>();
    for (Map.Entry<String, String> header : agentHeaders.entrySet()) {
      String name = header.getKey();
      checkName(name, credentialHeader);
      if (!seen.add(ReservedHeaders.normalize(name))) {
        throw forbidden("The header " + SafeText.quote(name) + " is sent more than once.");
      }
      accepted.put(name, checkValue(name, header.getValue()));
    }
    return Collections.unmodifiableMap(accepted);
  }

  private void checkName(String name, String credentialHeader) {
    if (name == null || name.isEmpty()) {
      throw forbidden("A header name is empty.");
    }
    if (name.length() > maxNameLength) {
      throw forbidden(
          "The header name "
              + SafeText.quote(name)
              + " is longer than "
              + maxNameLength
              + " characters.");
    }
    String normalized = ReservedHeaders.normalize(name);
    if (CREDENTIAL_HEADERS.contains(normalized) || normalized.equals(credentialHeader)) {
      throw forbidden(
          "The header "
              + SafeText.quote(name)
              + " is set by the connection and cannot be sent by an agent.");
    }
    if (ReservedHeaders.isReserved(name)) {
      throw forbidden("The header " + SafeText.quote(name) + " cannot be sent by an agent.");
    }
    if (SLICING_HEADERS.contains(normalized)) {
      throw forbidden(
          "The header "
              + SafeText.quote(name)
              + " cannot be sent by an agent: a partial answer could split a credential the API"
              + " echoes past redaction. Request the whole resource (use the API's own"
              + " pagination).");
    }
    if (ReservedHeaders.isSetByServer(name)) {
      throw forbidden(
          "The header " + SafeText.quote(name) + " " + whySetByServer(normalized) + ".");
    }
    if (!HttpToken.isToken(name)) {
      throw forbidden(
          "The header name " + SafeText.quote(name) + " is not a valid HTTP field name.");
    }
  }

  private String checkValue(String name, String value) {
    if (value == null) {
      throw forbidden("The header " + SafeText.quote(name) + " has no value.");
    }
    if (value.length() > maxValueLength) {
      throw forbidden(
          "The value of header "
              + SafeText.quote(name)
              + " is longer than "
              + maxValueLength
              + " characters.");
    }
    if (!value.chars().allMatch(HttpToken::isFieldValueChar)) {
      throw forbidden(
          "The value of header "
              + SafeText.quote(name)
              + " contains a line break, control or non-ASCII character.");
    }
    return value.strip();
  }

  /** Why the agent cannot send one of the {@link ReservedHeaders#SET_BY_SERVER} headers. */
  private static String whySetByServer(String normalized) {
    return switch (normalized) {
      case "content-type" -> "is set from the request's 'contentType' field; use that instead";
      case "accept-encoding" ->
          "is fixed to 'identity' by the server and cannot be sent by an agent";
      default -> "is set by the server and cannot be sent by an agent";
    };
  }

  private static ProblemException forbidden(String detail) {
    return new ProblemException(ProblemCode.FORBIDDEN_HEADER, detail);
  }
}
