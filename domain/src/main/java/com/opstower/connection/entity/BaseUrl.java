package com.opstower.connection.entity;

import static com.opstower.connection.entity.HttpUrlSyntax.invalid;

import java.net.URI;

/**
 * The absolute http(s) URL a connection's requests go to; agent paths are appended to its path.
 * Immutable and always normalised: lower-case scheme and host, no default port, no trailing slash,
 * so two base URLs are equal exactly when their text is equal.
 *
 * <p>Refused: other schemes ({@code javascript:}, {@code data:}, {@code file:}, {@code ftp:}…),
 * missing host, user-info, any query or fragment (even a bare {@code ?} or {@code #}), whitespace
 * and control characters, dot segments and encoded separators in the path, non-ASCII host names
 * (enter the {@code xn--} form; see {@link HttpUrlSyntax}), ports outside 1–65535 and texts longer
 * than {@link ConnectionLimits#BASE_URL_MAX}.
 */
public final class BaseUrl {

  static final String EXAMPLE = "https://api.example.com/v1";
  static final String NO_QUERY =
      "Remove the query (the part from '?'); agents add query parameters to each request.";
  static final String NO_FRAGMENT = "Remove the fragment (the part from '#').";

  private final HttpUrlSyntax.Parts parts;
  private final String path;
  private final String text;
  private final URI uri;

  private BaseUrl(HttpUrlSyntax.Parts parts, String path) {
    this.parts = parts;
    this.path = path;
    this.text = parts.origin() + path;
    this.uri = HttpUrlSyntax.toUri(text);
  }

  /**
   * Parses and normalises {@code text}.
   *
   * @throws IllegalArgumentException with a message for the person who typed it (never echoing it)
   */
  public static BaseUrl parse(String text) {
    HttpUrlSyntax.Parts parts = HttpUrlSyntax.split(text, ConnectionLimits.BASE_URL_MAX, EXAMPLE);
    String rest = parts.rest();
    int query = rest.indexOf('?');
    int fragment = rest.indexOf('#');
    if (fragment >= 0 && (query < 0 || fragment < query)) {
      throw invalid(NO_FRAGMENT);
    }
    if (query >= 0) {
      throw invalid(NO_QUERY);
    }
    return new BaseUrl(parts, BasePath.normalise(rest));
  }

  public URI toUri() {
    return uri;
  }

  /** {@code http} or {@code https}. */
  public String scheme() {
    return parts.scheme();
  }

  /**
   * The host name in lower case, or the IP address; an IPv6 address without brackets in its RFC
   * 5952 form (the multi-argument {@code URI} constructors add the brackets themselves).
   */
  public String host() {
    return parts.host();
  }

  /** The port requests go to: the explicit one, else 443 for https and 80 for http. */
  public int port() {
    return parts.effectivePort();
  }

  /**
   * The raw path as typed, percent-encoding kept, without trailing slash; "" when there is none.
   */
  public String path() {
    return path;
  }

  /** {@code scheme://host[:port]}, with the port only when it is not the scheme's default. */
  public String origin() {
    return parts.origin();
  }

  /** Same scheme, host and port: the test for keeping a stored secret when the URL is edited. */
  public boolean sameOrigin(BaseUrl other) {
    return other != null && origin().equals(other.origin());
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof BaseUrl that && text.equals(that.text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }

  /** The normalised URL, e.g. {@code https://api.example.com/v1}. */
  @Override
  public String toString() {
    return text;
  }
}
