package com.opstower.ui.token;

import com.opstower.token.entity.ApiToken;
import com.opstower.token.entity.Scope;
import com.opstower.ui.layout.UiTime;
import java.util.stream.Collectors;

/** A live token as listed: never its value or hash. */
public record TokenRow(String id, String name, String scopes, String createdAt, String lastUsed) {

  public static TokenRow of(ApiToken token) {
    return new TokenRow(
        token.id(),
        token.name(),
        token.scopes().stream().map(Scope::wire).sorted().collect(Collectors.joining(", ")),
        UiTime.format(token.createdAt()),
        token.lastUsedAt().map(UiTime::format).orElse("never"));
  }
}
