package com.opstower.execution.request;

import com.opstower.execution.credential.QueryCredential;
import com.opstower.http.PercentCodec;
import com.opstower.problem.ProblemCode;
import com.opstower.problem.ProblemException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds the URL an agent request goes to (docs/security.md §1). Nothing the agent sends is joined
 * to the base URL as text or passed to {@code URI.resolve()}: the URL is assembled from the stored
 * scheme, host, port and raw base path plus segments and a query that {@link AgentPath} and {@link
 * QueryEncoder} have validated and encoded; the result is then parsed again and must still be on
 * the base's origin and under its path.
 */
final class OutboundUrl {

  private OutboundUrl() {}

  /**
   * @param credentialOrNull the connection's {@code query_param} credential, appended last
   * @throws ProblemException {@code PATH_NOT_ALLOWED}, {@code RESERVED_PARAMETER} or {@code
   *     INVALID_REQUEST}
   * @throws IllegalArgumentException when the stored base URL is not an absolute http(s) URL with a
   *     host and without user-info, query or fragment (the connection was saved unchecked)
   */
  static URI build(
      URI baseUrl,
      String agentPath,
      Map<String, List<String>> query,
      QueryCredential credentialOrNull) {
    Base base = Base.of(baseUrl);
    String suffix = AgentPath.encode(agentPath);
    String path = suffix.isEmpty() ? base.pathItself() : base.pathPrefix() + suffix;
    String rawQuery = QueryEncoder.encode(query, credentialOrNull);
    URI built = parse(base, path, rawQuery);
    assertStaysUnderBase(base, built, path, rawQuery);
    return built;
  }

  /**
   * {@code url} with a {@code query_param} credential appended to its own query, as on agent
   * requests; {@code url} itself when there is no such credential. For a URL the admin stored whole
   * (the docs URL), whose query is kept as it is.
   */
  static URI withCredential(URI url, QueryCredential credential) {
    if (credential == null) {
      return url;
    }
    String raw = url.getRawQuery();
    String added =
        PercentCodec.encode(credential.name(), "")
            + "="
            + PercentCodec.encode(credential.value(), "");
    return URI.create(
        url.getScheme()
            + "://"
            + url.getRawAuthority()
            + (url.getRawPath() == null ? "" : url.getRawPath())
            + "?"
            + (raw == null || raw.isEmpty() ? added : raw + "&" + added));
  }

  private static URI parse(Base base, String path, String rawQuery) {
    String authority = base.port() == -1 ? base.host() : base.host() + ":" + base.port();
    String query = rawQuery.isEmpty() ? "" : "?" + rawQuery;
    try {
      // Every part is either stored configuration or text we encoded ourselves.
      return new URI(base.scheme() + "://" + authority + path + query);
    } catch (URISyntaxException e) {
      throw leavesBase();
    }
  }

  private static void assertStaysUnderBase(Base base, URI built, String path, String rawQuery) {
    String rawPath = built.getRawPath();
    boolean sameOrigin =
        base.scheme().equalsIgnoreCase(built.getScheme())
            && built.getHost() != null
            && built.getHost().equalsIgnoreCase(base.host())
            && built.getPort() == base.port();
    boolean underBase =
        rawPath != null
            && rawPath.equals(path)
            && (rawPath.equals(base.pathItself()) || rawPath.startsWith(base.pathPrefix() + "/"))
            && built.normalize().getRawPath().equals(rawPath);
    boolean clean =
        built.getRawUserInfo() == null
            && built.getRawFragment() == null
            && (rawQuery.isEmpty()
                ? built.getRawQuery() == null
                : rawQuery.equals(built.getRawQuery()));
    if (!(sameOrigin && underBase && clean)) {
      throw leavesBase();
    }
  }

  private static ProblemException leavesBase() {
    return new ProblemException(
        ProblemCode.PATH_NOT_ALLOWED,
        "The path would leave the connection's base URL; use a path relative to it.");
  }

  /**
   * The stored parts of the base URL. {@code pathPrefix} is the raw base path without trailing
   * slashes (agent segments follow it); {@code pathItself} is the raw path as stored, or "/".
   */
  private record Base(String scheme, String host, int port, String pathPrefix, String pathItself) {

    static Base of(URI url) {
      if (url == null
          || !url.isAbsolute()
          || url.isOpaque()
          || url.getHost() == null
          || url.getRawUserInfo() != null
          || url.getRawQuery() != null
          || url.getRawFragment() != null) {
        throw new IllegalArgumentException(
            "The base URL must be absolute http(s) with a host, no user-info, query or fragment.");
      }
      String scheme = url.getScheme().toLowerCase(Locale.ROOT);
      if (!scheme.equals("http") && !scheme.equals("https")) {
        throw new IllegalArgumentException("The base URL must use http or https.");
      }
      String rawPath = url.getRawPath() == null ? "" : url.getRawPath();
      String prefix = withoutTrailingSlashes(rawPath);
      return new Base(
          scheme, url.getHost(), url.getPort(), prefix, rawPath.isEmpty() ? "/" : rawPath);
    }

    // A loop, not replaceAll("/+$"): that compiles a regex on every agent call.
    private static String withoutTrailingSlashes(String rawPath) {
      int end = rawPath.length();
      while (end > 0 && rawPath.charAt(end - 1) == '/') {
        end--;
      }
      return rawPath.substring(0, end);
    }
  }
}
