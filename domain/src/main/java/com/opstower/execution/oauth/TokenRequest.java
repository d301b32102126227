package com.opstower.execution.oauth;

import com.opstower.connection.entity.Connection;
import com.opstower.connection.entity.DocsUrl;
import com.opstower.connection.entity.OAuthSettings;
import com.opstower.execution.credential.SecretRedactor;
import com.opstower.execution.request.OutboundBody;
import com.opstower.execution.request.RequestMethod;
import com.opstower.execution.request.UpstreamRequest;
import com.opstower.problem.ProblemCode;
import com.opstower.problem.ProblemException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The client-credentials token request of a connection: {@code POST} to its token URL with {@code
 * grant_type=client_credentials} (and {@code scope}, {@code audience} when set) as a form, the
 * client authenticated by HTTP Basic (id and secret form-encoded first, RFC 6749 §2.3.1) or in the
 * body. The redactor hides the client secret in every form it was sent in.
 */
public final class TokenRequest {

  static final String FORM = "application/x-www-form-urlencoded";

  private TokenRequest() {}

  /** The request, and the redactor for its answer. */
  public record Prepared(UpstreamRequest request, SecretRedactor redactor) {}

  public static Prepared of(Connection connection) {
    OAuthSettings oauth =
        connection
            .oauth()
            .orElseThrow(() -> new IllegalArgumentException("not an OAuth connection"));
    String clientId = connection.authName().orElse("");
    String clientSecret = connection.revealSecret();
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "client_credentials");
    oauth.scopeValue().ifPresent(scope -> form.put("scope", scope));
    oauth.audienceValue().ifPresent(audience -> form.put("audience", audience));
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Accept", "application/json");
    List<String> forms = new ArrayList<>(List.of(clientSecret, encoded(clientSecret)));
    if (oauth.clientAuth() == OAuthSettings.ClientAuth.BODY) {
      form.put("client_id", clientId);
      form.put("client_secret", clientSecret);
    } else {
      String pair = encoded(clientId) + ":" + encoded(clientSecret);
      headers.put(
          "Authorization",
          "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
      forms.add(pair);
    }
    java.net.URI tokenUri;
    try {
      tokenUri = DocsUrl.parse(oauth.tokenUrl()).toUri();
    } catch (IllegalArgumentException edited) {
      // only a value changed in the database gets here: the API validates it
      throw new ProblemException(
          ProblemCode.CREDENTIAL_UNAVAILABLE, "The connection's token URL is not a valid URL.");
    }
    UpstreamRequest request =
        new UpstreamRequest(
            RequestMethod.POST,
            tokenUri,
            headers,
            new OutboundBody(formBody(form).getBytes(StandardCharsets.UTF_8), FORM));
    return new Prepared(request, new SecretRedactor(forms));
  }

  private static String formBody(Map<String, String> fields) {
    StringBuilder body = new StringBuilder();
    fields.forEach(
        (name, value) -> {
          if (body.length() > 0) {
            body.append('&');
          }
          body.append(encoded(name)).append('=').append(encoded(value));
        });
    return body.toString();
  }

  static String encoded(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
