package com.opstower.execution.response;

import com.opstower.execution.credential.SecretRedactor;
import com.opstower.http.ReservedHeaders;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The upstream response headers as the agent sees them (docs/security.md §5, docs/api.md "Execute a
 * request"): names lower-cased and sorted, repeated headers joined with {@code ", "}, every value
 * redacted (a {@code Location} or {@code Link} can carry the credential back), and without cookies,
 * hop-by-hop headers or headers the upstream marked hop-by-hop through {@code Connection}.
 */
final class ResponseHeaderFilter {

  private static final Set<String> DROPPED =
      Stream.concat(
              ReservedHeaders.HOP_BY_HOP.stream(),
              Stream.of("set-cookie", "set-cookie2", "proxy-authenticate", "proxy-authorization"))
          .collect(Collectors.toUnmodifiableSet());

  private ResponseHeaderFilter() {}

  static Map<String, String> filter(
      Map<String, List<String>> upstreamHeaders, SecretRedactor redactor) {
    Map<String, List<String>> byName = new TreeMap<>();
    if (upstreamHeaders == null) {
      return new TreeMap<>();
    }
    upstreamHeaders.forEach(
        (name, values) -> {
          // HttpURLConnection reports the status line under a null name; HTTP/2 pseudo-headers
          // (":status") are not headers either.
          if (name == null || name.isBlank() || name.startsWith(":") || values == null) {
            return;
          }
          // a header name that itself carries a secret is dropped rather than rewritten
          if (!redactor.redact(name).equals(name)) {
            return;
          }
          String lower = name.strip().toLowerCase(Locale.ROOT);
          List<String> all = byName.computeIfAbsent(lower, k -> new ArrayList<>());
          values.stream().filter(v -> v != null).forEach(all::add);
        });
    Set<String> dropped = new HashSet<>(DROPPED);
    dropped.addAll(namesListedInConnection(byName.get("connection")));
    Map<String, String> filtered = new TreeMap<>();
    byName.forEach(
        (name, values) -> {
          if (dropped.contains(name)) {
            return;
          }
          filtered.put(name, redactor.redact(String.join(", ", values)));
        });
    return filtered;
  }

  private static Set<String> namesListedInConnection(List<String> connectionValues) {
    Set<String> names = new HashSet<>();
    if (connectionValues != null) {
      for (String value : connectionValues) {
        for (String token : value.split(",")) {
          String name = token.strip().toLowerCase(Locale.ROOT);
          if (!name.isEmpty()) {
            names.add(name);
          }
        }
      }
    }
    return names;
  }
}
