package com.opstower.api;

import com.opstower.token.entity.Scope;
import java.util.Set;

/** Who is calling, as established by {@link BearerAuthentication}; never holds the token value. */
public record CallerToken(String tokenId, Set<Scope> scopes) {

  /** The request property under which the filter leaves it. */
  public static final String PROPERTY = CallerToken.class.getName();
}
