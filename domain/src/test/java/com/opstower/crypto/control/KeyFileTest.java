package com.opstower.crypto.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyFileTest {

  private static final String FIELD = "connection.auth_secret";

  @TempDir Path dataDir;

  private final Logger log = Logger.getLogger(KeyFileTest.class.getName() + ".capture");
  private final List<LogRecord> records = new ArrayList<>();
  private final Handler capture =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          records.add(record);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  @BeforeEach
  void captureLog() {
    log.setUseParentHandlers(false);
    log.setLevel(Level.ALL);
    log.addHandler(capture);
  }

  @AfterEach
  void releaseLog() {
    log.removeHandler(capture);
  }

  private Path keyFile() {
    return dataDir.resolve("keys").resolve("opstower.keys");
  }

  private String formatted(LogRecord record) {
    return new SimpleFormatter().formatMessage(record);
  }

  @Test
  void generatesOneRandomKeyNamedK1() throws Exception {
    var ring = KeyFile.loadOrGenerate(dataDir, log);

    assertEquals("k1", ring.activeKeyId());
    assertEquals(List.of("k1"), List.copyOf(ring.keyIds()));
    var content = Files.readString(keyFile());
    assertTrue(content.matches("k1:[A-Za-z0-9+/]{43}=\n"), "one line k1:<base64>");
    assertEquals(KeyFile.location(dataDir), keyFile());
  }

  @Test
  void theGeneratedFileIsOwnerOnlyAndItsFolderToo() throws Exception {
    assumeTrue(dataDir.getFileSystem().supportedFileAttributeViews().contains("posix"));

    KeyFile.loadOrGenerate(dataDir, log);

    assertEquals(
        "rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile())));
    assertEquals(
        "rwx------",
        PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile().getParent())));
  }

  @Test
  void leavesNoTemporaryFilesBehind() throws Exception {
    KeyFile.loadOrGenerate(dataDir, log);

    try (var files = Files.list(keyFile().getParent())) {
      assertEquals(List.of(keyFile()), files.toList());
    }
  }

  @Test
  void theSecondStartLoadsTheSameKey() throws Exception {
    var first = new CredentialCipher(KeyFile.loadOrGenerate(dataDir, log));
    var content = Files.readString(keyFile());
    var stored = first.seal("secret", FIELD, "row-1");

    var second = new CredentialCipher(KeyFile.loadOrGenerate(dataDir, log));

    assertEquals("secret", second.open(stored, FIELD).plaintext());
    assertEquals(content, Files.readString(keyFile()));
  }

  @Test
  void eachDataDirectoryGetsItsOwnRandomKey(@TempDir Path otherDataDir) throws Exception {
    KeyFile.loadOrGenerate(dataDir, log);
    KeyFile.loadOrGenerate(otherDataDir, log);

    assertNotEquals(Files.readString(keyFile()), Files.readString(KeyFile.location(otherDataDir)));
  }

  @Test
  void generationWarnsWithThePathAndTheSettingsButNotTheKey() throws Exception {
    KeyFile.loadOrGenerate(dataDir, log);

    var warnings = records.stream().filter(r -> r.getLevel() == Level.WARNING).toList();
    assertEquals(1, warnings.size());
    var message = formatted(warnings.get(0));
    assertTrue(message.contains(keyFile().toString()), message);
    assertTrue(message.contains("OPSTOWER_CRYPTO_KEYS"), message);
    assertTrue(message.contains("OPSTOWER_CRYPTO_ACTIVE_KEY"), message);
    var base64 = Files.readString(keyFile()).strip().substring("k1:".length());
    var raw = Base64.getDecoder().decode(base64);
    for (var record : records) {
      var text = formatted(record);
      assertFalse(text.contains(base64.substring(0, 16)), text);
      assertFalse(text.contains(HexFormat.of().formatHex(raw).substring(0, 16)), text);
      assertFalse(text.contains(Base64.getUrlEncoder().encodeToString(raw).substring(0, 16)), text);
    }
  }

  @Test
  void loadingAnExistingFileDoesNotWarn() {
    KeyFile.loadOrGenerate(dataDir, log);
    records.clear();

    KeyFile.loadOrGenerate(dataDir, log);

    assertTrue(records.stream().noneMatch(r -> r.getLevel() == Level.WARNING));
  }

  @Test
  void warnsWhenTheKeyFileIsReadableByOthers() throws Exception {
    assumeTrue(dataDir.getFileSystem().supportedFileAttributeViews().contains("posix"));
    KeyFile.loadOrGenerate(dataDir, log);
    Files.setPosixFilePermissions(keyFile(), PosixFilePermissions.fromString("rw-r--r--"));
    records.clear();

    KeyFile.loadOrGenerate(dataDir, log);

    assertEquals(1, records.stream().filter(r -> r.getLevel() == Level.WARNING).count());
    assertTrue(formatted(records.get(0)).contains("600"));
  }

  @Test
  void usesAnOperatorWrittenFileAsItIs() throws Exception {
    var key = TestKeys.randomKey();
    Files.createDirectories(keyFile().getParent());
    Files.writeString(keyFile(), "ops-2024:" + key + "\n");

    var ring = KeyFile.loadOrGenerate(dataDir, log);

    assertEquals("ops-2024", ring.activeKeyId());
    assertEquals(key, Base64.getEncoder().encodeToString(ring.key("ops-2024").get().getEncoded()));
    assertEquals("ops-2024:" + key + "\n", Files.readString(keyFile()));
  }

  @Test
  void aBrokenKeyFileStopsStartUpNamingTheFileButNotItsContent() throws Exception {
    var shortKey = TestKeys.randomKey(20);
    Files.createDirectories(keyFile().getParent());
    Files.writeString(keyFile(), "k1:" + shortKey);

    var e =
        assertThrows(
            CryptoConfigurationException.class, () -> KeyFile.loadOrGenerate(dataDir, log));

    assertTrue(e.getMessage().contains(keyFile().toString()), e.getMessage());
    assertTrue(e.getMessage().contains("20 bytes"), e.getMessage());
    assertFalse(e.getMessage().contains(shortKey), e.getMessage());
  }

  @Test
  void anEmptyKeyFileStopsStartUp() throws Exception {
    Files.createDirectories(keyFile().getParent());
    Files.writeString(keyFile(), "");

    var e =
        assertThrows(
            CryptoConfigurationException.class, () -> KeyFile.loadOrGenerate(dataDir, log));

    assertTrue(e.getMessage().contains(keyFile().toString()), e.getMessage());
    assertTrue(e.getMessage().contains("kid:base64key"), e.getMessage());
    assertTrue(Files.readString(keyFile()).isEmpty(), "an existing file is never overwritten");
  }

  @Test
  void theFirstKeyOfAFileWithSeveralIsActive() throws Exception {
    var older = TestKeys.randomKey();
    var newer = TestKeys.randomKey();
    Files.createDirectories(keyFile().getParent());
    Files.writeString(keyFile(), "k2:" + newer + ",k1:" + older + "\n");

    var ring = KeyFile.loadOrGenerate(dataDir, log);

    assertEquals("k2", ring.activeKeyId());
    assertEquals(List.of("k2", "k1"), List.copyOf(ring.keyIds()));
  }

  @Test
  void createsAMissingDataDirectory() {
    var nested = dataDir.resolve("not").resolve("there");

    var ring = KeyFile.loadOrGenerate(nested, log);

    assertTrue(Files.exists(KeyFile.location(nested)));
    assertEquals("k1", ring.activeKeyId());
  }

  @Test
  void anUnwritableDataDirectoryStopsStartUpWithTheFileName() throws Exception {
    var blocker = dataDir.resolve("file-not-dir");
    Files.writeString(blocker, "x");

    var e =
        assertThrows(
            CryptoConfigurationException.class, () -> KeyFile.loadOrGenerate(blocker, log));

    assertTrue(e.getMessage().contains("opstower.keys"), e.getMessage());
  }
}
