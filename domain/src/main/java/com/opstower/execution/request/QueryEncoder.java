package com.opstower.execution.request;

import com.opstower.execution.credential.QueryCredential;
import com.opstower.http.PercentCodec;
import com.opstower.http.UnsafeChars;
import com.opstower.problem.ProblemCode;
import com.opstower.problem.ProblemException;
import com.opstower.problem.SafeText;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Writes the query string from the agent's parameters (in the map's order, array values in their
 * order) and appends the connection's credential last. Names and values are data: everything but
 * RFC 3986 unreserved characters is percent-encoded, so {@code & = # + { }} and spaces cannot
 * change the query's structure. A parameter with an empty list is left out.
 */
final class QueryEncoder {

  private QueryEncoder() {}

  /** The raw query (without '?'), or "" when there is nothing to send. */
  static String encode(Map<String, List<String>> query, QueryCredential credential) {
    StringJoiner joined = new StringJoiner("&");
    String reserved = credential == null ? null : QueryParamNames.canonical(credential.name());
    if (query != null) {
      for (Map.Entry<String, List<String>> parameter : query.entrySet()) {
        String name = parameter.getKey();
        checkName(name);
        if (reserved != null && reserved.equals(QueryParamNames.canonical(name))) {
          throw new ProblemException(
              ProblemCode.RESERVED_PARAMETER,
              "The query parameter "
                  + SafeText.quote(name)
                  + " is set by the connection and cannot be sent by an agent.");
        }
        List<String> values = parameter.getValue();
        if (values == null) {
          continue;
        }
        for (String value : values) {
          checkValue(name, value);
          joined.add(component(name) + "=" + component(value));
        }
      }
    }
    if (credential != null) {
      joined.add(component(credential.name()) + "=" + component(credential.value()));
    }
    return joined.toString();
  }

  private static void checkName(String name) {
    if (name == null || name.isEmpty()) {
      throw new ProblemException(ProblemCode.INVALID_REQUEST, "A query parameter name is empty.");
    }
    if (UnsafeChars.hasControl(name) || UnsafeChars.hasLoneSurrogate(name)) {
      throw new ProblemException(
          ProblemCode.INVALID_REQUEST,
          "The query parameter name "
              + SafeText.quote(name)
              + " contains a control character or invalid Unicode.");
    }
  }

  private static void checkValue(String name, String value) {
    if (value == null) {
      throw new ProblemException(
          ProblemCode.INVALID_REQUEST,
          "The query parameter " + SafeText.quote(name) + " has a null value.");
    }
    if (UnsafeChars.hasControl(value) || UnsafeChars.hasLoneSurrogate(value)) {
      throw new ProblemException(
          ProblemCode.INVALID_REQUEST,
          "The value of query parameter "
              + SafeText.quote(name)
              + " contains a control character or invalid Unicode.");
    }
  }

  private static String component(String text) {
    return PercentCodec.encode(text, "");
  }
}
