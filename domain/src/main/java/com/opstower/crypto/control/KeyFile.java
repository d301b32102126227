package com.opstower.crypto.control;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The key file used when no keys are configured: {@code <data-dir>/keys/opstower.keys}, one line
 * {@code k1:<base64 key>}. It lets a first start work without setup; production supplies keys
 * through configuration so that they are not stored next to the database they protect.
 */
public final class KeyFile {

  static final String GENERATED_KEY_ID = "k1";
  private static final Set<PosixFilePermission> OWNER_ONLY_FILE =
      PosixFilePermissions.fromString("rw-------");
  private static final Set<PosixFilePermission> OWNER_ONLY_DIR =
      PosixFilePermissions.fromString("rwx------");
  private static final SecureRandom RANDOM = new SecureRandom();

  private KeyFile() {}

  public static Path location(Path dataDir) {
    return dataDir.resolve("keys").resolve("opstower.keys");
  }

  /**
   * Loads the key file, generating it first if it does not exist.
   *
   * @throws CryptoConfigurationException if the file cannot be read, written or parsed
   */
  public static KeyRing loadOrGenerate(Path dataDir, Logger log) {
    var file = location(dataDir);
    try {
      if (Files.notExists(file)) {
        generate(file, log);
      }
      return load(file, log);
    } catch (IOException e) {
      throw new CryptoConfigurationException(
          "cannot read or create the key file " + file + ": " + e.getClass().getSimpleName(), e);
    }
  }

  private static void generate(Path file, Logger log) throws IOException {
    var dir = file.getParent();
    Files.createDirectories(dir.getParent());
    if (Files.notExists(dir)) {
      Files.createDirectory(dir, permissions(dir, OWNER_ONLY_DIR));
    }
    var key = new byte[KeyRing.KEY_BYTES];
    RANDOM.nextBytes(key);
    var line = GENERATED_KEY_ID + ":" + Base64.getEncoder().encodeToString(key) + "\n";
    Arrays.fill(key, (byte) 0);
    // Written to a temporary file that is owner-only from its creation, then renamed: the key is
    // never readable by others, and a crash never leaves a half-written key file behind.
    var temp =
        Files.createTempFile(dir, ".opstower.keys", ".tmp", permissions(dir, OWNER_ONLY_FILE));
    try {
      try (var channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        channel.write(ByteBuffer.wrap(line.getBytes(StandardCharsets.US_ASCII)));
        channel.force(true); // on disk before the rename makes it the key file
      }
      Files.move(temp, file);
    } catch (FileAlreadyExistsException e) {
      return; // another start generated it at the same moment; use that one
    } finally {
      Files.deleteIfExists(temp);
    }
    log.log(
        Level.WARNING,
        "No encryption keys are configured, so a key was generated into {0}. Production should"
            + " supply OPSTOWER_CRYPTO_KEYS and OPSTOWER_CRYPTO_ACTIVE_KEY (opstower.crypto.keys /"
            + " opstower.crypto.active-key). Back the file up: without it the stored credentials"
            + " cannot be decrypted.",
        file);
  }

  private static KeyRing load(Path file, Logger log) throws IOException {
    if (isPosix(file) && !OWNER_ONLY_FILE.containsAll(Files.getPosixFilePermissions(file))) {
      log.log(
          Level.WARNING, "The key file {0} is readable by others; restrict it to mode 600.", file);
    }
    var content = Files.readString(file, StandardCharsets.US_ASCII).strip();
    var separator = content.indexOf(':');
    if (separator < 0) {
      throw new CryptoConfigurationException(
          "key file " + file + " is not of the form kid:base64key");
    }
    try {
      // The first key id is the active one; an operator may append older keys after it.
      return KeyRing.parse(content, content.substring(0, separator));
    } catch (CryptoConfigurationException e) {
      throw new CryptoConfigurationException("key file " + file + ": " + e.getMessage());
    }
  }

  private static FileAttribute<?>[] permissions(Path where, Set<PosixFilePermission> permissions) {
    return isPosix(where)
        ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(permissions)}
        : new FileAttribute<?>[0];
  }

  private static boolean isPosix(Path where) {
    return where.getFileSystem().supportedFileAttributeViews().contains("posix");
  }
}
