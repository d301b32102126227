package com.opstower.connection.entity;

import java.net.URI;

/**
 * Where a connection's API documentation lives. Looser than {@link BaseUrl}: a query and a fragment
 * are allowed and the path is kept as typed, because nothing is appended to it. The same scheme,
 * host, port and user-info rules apply, and the scheme, host and port are normalised the same way,
 * so {@link #sameOrigin(BaseUrl)} can decide whether the docs fetch may carry the connection's
 * credentials.
 */
public final class DocsUrl {

  static final String EXAMPLE = "https://api.example.com/openapi.json";

  private final HttpUrlSyntax.Parts parts;
  private final String text;
  private final URI uri;

  private DocsUrl(HttpUrlSyntax.Parts parts) {
    this.parts = parts;
    this.text = parts.origin() + parts.rest();
    this.uri = HttpUrlSyntax.toUri(text);
  }

  /**
   * Parses {@code text}, normalising only scheme, host and port.
   *
   * @throws IllegalArgumentException with a message for the person who typed it (never echoing it)
   */
  public static DocsUrl parse(String text) {
    HttpUrlSyntax.Parts parts = HttpUrlSyntax.split(text, ConnectionLimits.DOCS_URL_MAX, EXAMPLE);
    String rest = parts.rest();
    int fragment = rest.indexOf('#');
    String beforeFragment = fragment < 0 ? rest : rest.substring(0, fragment);
    int query = beforeFragment.indexOf('?');
    HttpUrlSyntax.checkUriCharacters(
        query < 0 ? beforeFragment : beforeFragment.substring(0, query), "");
    if (query >= 0) {
      HttpUrlSyntax.checkUriCharacters(beforeFragment.substring(query + 1), "?");
    }
    if (fragment >= 0) {
      HttpUrlSyntax.checkUriCharacters(rest.substring(fragment + 1), "?");
    }
    return new DocsUrl(parts);
  }

  public URI toUri() {
    return uri;
  }

  public String origin() {
    return parts.origin();
  }

  public boolean sameOrigin(BaseUrl baseUrl) {
    return baseUrl != null && origin().equals(baseUrl.origin());
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof DocsUrl that && text.equals(that.text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }

  @Override
  public String toString() {
    return text;
  }
}
