package com.opstower.ui.token;

import com.opstower.token.entity.ApiToken;
import com.opstower.token.entity.Scope;
import com.opstower.ui.layout.UiTime;
import java.util.stream.Collectors;

/** A live token as listed: never its value or hash. {@code lastUsed} is null if never used. */
public record TokenRow(
    String id,
    String name,
    String scopes,
    String agentName,
    UiTime.Shown createdAt,
    UiTime.Shown lastUsed) {

  public static TokenRow of(ApiToken token) {
    return of(token, null);
  }

  /** {@code agentName}: the agent a bound token may use, null for an unbound one. */
  public static TokenRow of(ApiToken token, String agentName) {
    return new TokenRow(
        token.id(),
        token.name(),
        token.scopes().stream().map(Scope::wire).sorted().collect(Collectors.joining(", ")),
        agentName,
        UiTime.shown(token.createdAt()),
        token.lastUsedAt().map(UiTime::shown).orElse(null));
  }
}
