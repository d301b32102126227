package com.opstower.persistence;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import org.junit.jupiter.api.Test;

class UniqueViolationTest {

  @Test
  void findsSqlState23505AnywhereInTheChain() {
    assertTrue(
        UniqueViolation.in(
            new PersistenceException(
                new RuntimeException(
                    new SQLIntegrityConstraintViolationException("unique", "23505")))));
    assertTrue(UniqueViolation.in(new PersistenceException(new SQLException("dup", "23505"))));
  }

  @Test
  void otherIntegrityViolationsAndFailuresAreNot() {
    assertFalse(
        UniqueViolation.in(
            new PersistenceException(new SQLIntegrityConstraintViolationException("fk", "23503"))));
    assertFalse(UniqueViolation.in(new PersistenceException(new SQLException("null", "23502"))));
    assertFalse(UniqueViolation.in(new PersistenceException("no cause")));
    assertFalse(UniqueViolation.in(null));
  }
}
