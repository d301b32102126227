package com.opstower.app.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.opstower.app.database.DatabaseTarget.Engine;
import java.sql.SQLException;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

class DatabaseTargetTest {

  private static final Optional<String> NONE = Optional.empty();

  @Test
  void withoutAUrlTheEmbeddedFileUnderTheDataDirWithDurableCommits() {
    DatabaseTarget target = DatabaseTarget.of(NONE, NONE, NONE, "/var/opstower");
    assertEquals(Engine.HSQLDB, target.engine());
    assertEquals(
        "jdbc:hsqldb:file:/var/opstower/db/opstower;hsqldb.write_delay=false;hsqldb.tx=mvcc",
        target.url());
    assertEquals("SA", target.user());
    assertEquals("opstower", target.password(), "databases created before keep opening");
  }

  @Test
  void blankSettingsCountAsUnset() {
    DatabaseTarget target =
        DatabaseTarget.of(Optional.of("  "), Optional.of(" "), Optional.of(""), "data");
    assertEquals(Engine.HSQLDB, target.engine());
    assertEquals("SA", target.user());
  }

  @Test
  void aPostgresqlUrlWithItsUserAndPassword() {
    DatabaseTarget target =
        DatabaseTarget.of(
            Optional.of(" jdbc:postgresql://db.internal:5432/opstower "),
            Optional.of("ops"),
            Optional.of("s3cret-pw"),
            "data");
    assertEquals(Engine.POSTGRESQL, target.engine());
    assertEquals("jdbc:postgresql://db.internal:5432/opstower", target.url());
    assertEquals("ops", target.user());
    assertEquals("s3cret-pw", target.password());
    PGSimpleDataSource driver = (PGSimpleDataSource) ConfiguredDataSource.driverFor(target);
    assertEquals("db.internal", driver.getServerNames()[0]);
    assertEquals("ops", driver.getUser());
    assertEquals(5, driver.getConnectTimeout(), "an unreachable database fails within seconds");
  }

  @Test
  void anHsqldbUrlWithAUserButNoPasswordHasAnEmptyPassword() {
    DatabaseTarget target =
        DatabaseTarget.of(
            Optional.of("jdbc:hsqldb:file:/srv/db/x"), Optional.of("APP"), NONE, "data");
    assertEquals(Engine.HSQLDB, target.engine());
    assertEquals("", target.password());
  }

  @Test
  void anotherKindOfUrlIsRefusedNamingTheKeyWithoutItsParameters() {
    IllegalArgumentException refused =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                DatabaseTarget.of(
                    Optional.of("jdbc:mysql://db:3306/ops?password=hunter22"), NONE, NONE, "d"));
    assertTrue(refused.getMessage().startsWith("opstower.db.url must be"), refused.getMessage());
    assertTrue(refused.getMessage().contains("'jdbc:mysql://db:3306/ops'"), refused.getMessage());
    assertFalse(refused.getMessage().contains("hunter22"), refused.getMessage());
  }

  @Test
  void describeAndToStringNeverShowThePasswordOrUrlParameters() {
    DatabaseTarget target =
        DatabaseTarget.of(
            Optional.of("jdbc:postgresql://db/ops?password=p4ss-in-url&ssl=true"),
            Optional.of("ops"),
            Optional.of("p4ss-setting"),
            "data");
    assertEquals("opstower.db.url=jdbc:postgresql://db/ops as user 'ops'", target.describe());
    assertFalse(target.toString().contains("p4ss"), target.toString());
  }

  @Test
  void theStartUpMessageNamesTheSettingsAndTheDriversReason() {
    DatabaseTarget target =
        DatabaseTarget.of(
            Optional.of("jdbc:postgresql://127.0.0.1:1/ops"), Optional.of("ops"), NONE, "data");
    SQLException driver = new SQLException("Connection to 127.0.0.1:1 refused.", "08001");
    SQLException pool =
        new SQLException("Error in allocating a connection", new RuntimeException("x", driver));
    String message = DatabaseFault.message(target.describe(), pool);
    assertEquals(
        "Cannot use the database opstower.db.url=jdbc:postgresql://127.0.0.1:1/ops as user 'ops':"
            + " Connection to 127.0.0.1:1 refused. Check opstower.db.url, opstower.db.user and"
            + " opstower.db.password, and that the database is running and reachable.",
        message);
  }

  @Test
  void aRefusedUrlReachesThePoolAsAConnectionFailureWithTheSameMessage() {
    ConfiguredDataSource dataSource = new ConfiguredDataSource();
    dataSource.setUrl("jdbc:sqlite:/tmp/x.db");
    SQLException failure = assertThrows(SQLException.class, dataSource::getConnection);
    assertTrue(failure.getMessage().startsWith("opstower.db.url must be"), failure.getMessage());
    assertEquals("08001", failure.getSQLState());
  }
}
