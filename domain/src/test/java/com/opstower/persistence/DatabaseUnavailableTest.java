package com.opstower.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.PersistenceException;
import jakarta.resource.spi.ResourceAllocationException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import org.junit.jupiter.api.Test;

class DatabaseUnavailableTest {

  @Test
  void aConnectionClassSqlStateDeepInTheChainIsUnavailable() {
    SQLException broken = new SQLException("An I/O error occurred while sending", "08006");
    assertTrue(DatabaseUnavailable.in(new PersistenceException("wrapped", broken)));
  }

  @Test
  void thePoolFailingToHandOutAConnectionIsUnavailable() {
    SQLException pool =
        new SQLException(
            "Error in allocating a connection",
            new ResourceAllocationException("Connection refused", new ConnectException("refused")));
    assertTrue(DatabaseUnavailable.in(new PersistenceException(pool)));
  }

  @Test
  void constraintViolationsAndCodeFaultsAreNot() {
    assertFalse(
        DatabaseUnavailable.in(
            new PersistenceException(
                new SQLIntegrityConstraintViolationException("unique", "23505"))));
    assertFalse(DatabaseUnavailable.in(new IllegalStateException("a bug")));
  }

  @Test
  void theReasonIsTheInnermostDriverMessageNotTheStatement() {
    SQLException driver = new SQLException("Connection to db:5432 refused.", "08001");
    PersistenceException failure =
        new PersistenceException("Query: InsertObjectQuery(secret-looking values)", driver);
    assertEquals("Connection to db:5432 refused.", DatabaseUnavailable.reason(failure));
  }
}
