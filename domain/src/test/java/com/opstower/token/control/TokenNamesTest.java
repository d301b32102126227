package com.opstower.token.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.opstower.problem.ProblemCode;
import com.opstower.problem.ProblemException;
import com.opstower.token.entity.Scope;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Token names are unique among live tokens, ignoring case; a revoked token frees its name. */
class TokenNamesTest {

  private final FakeEntityManager store = new FakeEntityManager();
  private final TokenService service = new TokenService();

  @BeforeEach
  void wire() {
    service.em = store.proxy();
  }

  @ParameterizedTest
  @ValueSource(strings = {"ci-agent", "CI-Agent", "  ci-agent  ", "CI-AGENT"})
  void aLiveTokensNameIsAConflictIgnoringCase(String again) {
    service.create("ci-agent", Set.of(Scope.AGENT));
    ProblemException refused =
        assertThrows(ProblemException.class, () -> service.create(again, Set.of(Scope.ADMIN)));
    assertEquals(ProblemCode.CONFLICT, refused.code());
    assertEquals(409, refused.code().status());
    assertTrue(refused.detail().contains("'ci-agent'"), refused.detail());
    assertEquals("name", refused.errors().get(0).field());
    assertTrue(refused.errors().get(0).message().contains("'ci-agent'"));
    assertEquals(1, store.tokens.size(), "nothing created");
  }

  @Test
  void aRevokedTokensNameMayBeUsedAgain() {
    String first = service.create("deploy", Set.of(Scope.AGENT)).token().id();
    service.revoke(first);
    service.create("Deploy", Set.of(Scope.AGENT));
    assertEquals(2, store.tokens.size());
  }

  @Test
  void otherNamesAreFine() {
    service.create("one", Set.of(Scope.AGENT));
    service.create("one-2", Set.of(Scope.AGENT));
    assertEquals(2, store.tokens.size());
  }

  @Test
  void aDuplicateThatSlipsPastTheCheckIsAConflictToo() {
    store.failFlushWith =
        new PersistenceException(
            "flush", new SQLException("unique constraint or index violation", "23505"));
    ProblemException refused =
        assertThrows(ProblemException.class, () -> service.create("racing", Set.of(Scope.AGENT)));
    assertEquals(ProblemCode.CONFLICT, refused.code());
    assertTrue(refused.detail().contains("'racing'"));
  }

  @Test
  void otherDatabaseFailuresAreNotDisguisedAsConflicts() {
    PersistenceException broken =
        new PersistenceException("flush", new SQLException("connection lost", "08006"));
    store.failFlushWith = broken;
    assertSame(
        broken,
        assertThrows(PersistenceException.class, () -> service.create("x", Set.of(Scope.AGENT))));
  }

  @Test
  void controlCharactersInANameAreRefused() {
    ProblemException refused =
        assertThrows(
            ProblemException.class, () -> service.create("ci\u0000agent", Set.of(Scope.AGENT)));
    assertEquals(ProblemCode.INVALID_REQUEST, refused.code());
    assertEquals("name", refused.errors().get(0).field());
  }

  @Test
  void revokingAnUnknownOrRevokedTokenIsNotFound() {
    String id = service.create("once", Set.of(Scope.AGENT)).token().id();
    service.revoke(id);
    assertEquals(
        ProblemCode.NOT_FOUND,
        assertThrows(ProblemException.class, () -> service.revoke(id)).code());
    assertEquals(
        ProblemCode.NOT_FOUND,
        assertThrows(ProblemException.class, () -> service.getLive(id)).code());
    assertEquals(
        ProblemCode.NOT_FOUND,
        assertThrows(ProblemException.class, () -> service.getLive("nope")).code());
  }
}
