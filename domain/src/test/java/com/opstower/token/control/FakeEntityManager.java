package com.opstower.token.control;

import com.opstower.token.entity.ApiToken;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.TypedQuery;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Tokens in a list, and the named queries {@link TokenService} runs, as an EntityManager proxy. */
final class FakeEntityManager {

  final List<ApiToken> tokens = new ArrayList<>();

  /** Thrown by the next flush, e.g. a unique violation from a concurrent insert. */
  PersistenceException failFlushWith;

  EntityManager proxy() {
    return (EntityManager)
        Proxy.newProxyInstance(
            getClass().getClassLoader(),
            new Class<?>[] {EntityManager.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "persist" -> {
                    tokens.add((ApiToken) args[0]);
                    yield null;
                  }
                  case "flush" -> {
                    if (failFlushWith != null) {
                      throw failFlushWith;
                    }
                    yield null;
                  }
                  case "find" ->
                      tokens.stream().filter(t -> t.id().equals(args[1])).findFirst().orElse(null);
                  case "createNamedQuery" -> query((String) args[0]);
                  default -> throw new UnsupportedOperationException(method.getName());
                });
  }

  private TypedQuery<?> query(String name) {
    Map<String, Object> parameters = new HashMap<>();
    return (TypedQuery<?>)
        Proxy.newProxyInstance(
            getClass().getClassLoader(),
            new Class<?>[] {TypedQuery.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "setParameter" -> {
                    parameters.put((String) args[0], args[1]);
                    yield proxy;
                  }
                  case "getResultList" -> results(name, parameters);
                  default -> throw new UnsupportedOperationException(method.getName());
                });
  }

  private List<ApiToken> results(String name, Map<String, Object> parameters) {
    if (name.equals(ApiToken.FIND_LIVE_BY_NAME_KEY)) {
      return tokens.stream()
          .filter(
              t ->
                  !t.isRevoked()
                      && t.nameKey().equals(java.util.Optional.of(parameters.get("key"))))
          .toList();
    }
    throw new UnsupportedOperationException(name);
  }
}
