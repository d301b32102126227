package com.opstower.crypto.control;

import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The AES-256 keys the application may decrypt with, by key id, and the one it encrypts with.
 * Several keys exist only during a rotation: old rows still open under the previous key while new
 * values are sealed under the active one.
 */
public final class KeyRing {

  /** '.' separates the parts of the stored form, so a key id must not contain it. */
  static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9_-]{1,32}");

  static final int KEY_BYTES = 32;
  private static final String KEYS_SETTING = "opstower.crypto.keys (OPSTOWER_CRYPTO_KEYS)";
  private static final String ACTIVE_SETTING =
      "opstower.crypto.active-key (OPSTOWER_CRYPTO_ACTIVE_KEY)";

  private final Map<String, SecretKey> keys;
  private final String activeKeyId;

  private KeyRing(Map<String, SecretKey> keys, String activeKeyId) {
    this.keys = Collections.unmodifiableMap(keys);
    this.activeKeyId = activeKeyId;
  }

  /**
   * Parses {@code kid1:base64key1,kid2:base64key2}; whitespace and line breaks are ignored.
   *
   * @throws CryptoConfigurationException naming the setting, the key id and the problem
   */
  public static KeyRing parse(String keysSpec, String activeKid) {
    var active = activeKid == null ? "" : activeKid.strip();
    if (active.isEmpty()) {
      throw new CryptoConfigurationException(ACTIVE_SETTING + " is not set");
    }
    if (!KEY_ID.matcher(active).matches()) {
      // Not echoed: a value that is not a key id may be a key pasted into the wrong setting.
      throw new CryptoConfigurationException(
          ACTIVE_SETTING + " is not a valid key id (expected " + KEY_ID.pattern() + ")");
    }
    var keys = parseKeys(keysSpec);
    if (!keys.containsKey(active)) {
      throw new CryptoConfigurationException(
          ACTIVE_SETTING
              + " names key '"
              + active
              + "', which is not among the keys in "
              + KEYS_SETTING
              + " "
              + keys.keySet());
    }
    return new KeyRing(keys, active);
  }

  private static Map<String, SecretKey> parseKeys(String keysSpec) {
    var compact = keysSpec == null ? "" : keysSpec.replaceAll("\\s+", "");
    var keys = new LinkedHashMap<String, SecretKey>();
    var entries = compact.split(",");
    for (int i = 0; i < entries.length; i++) {
      if (entries[i].isEmpty()) {
        continue; // tolerate a trailing comma
      }
      var separator = entries[i].indexOf(':');
      if (separator < 0) {
        throw new CryptoConfigurationException(
            KEYS_SETTING + ": entry " + (i + 1) + " is not of the form kid:base64key");
      }
      var kid = entries[i].substring(0, separator);
      if (!KEY_ID.matcher(kid).matches()) {
        throw new CryptoConfigurationException(
            KEYS_SETTING
                + ": entry "
                + (i + 1)
                + " has an invalid key id (expected "
                + KEY_ID.pattern()
                + ")");
      }
      if (keys.containsKey(kid)) {
        throw new CryptoConfigurationException(
            KEYS_SETTING + ": key id '" + kid + "' appears more than once");
      }
      keys.put(kid, decodeKey(kid, entries[i].substring(separator + 1)));
    }
    if (keys.isEmpty()) {
      throw new CryptoConfigurationException(KEYS_SETTING + " contains no keys");
    }
    return keys;
  }

  private static SecretKey decodeKey(String kid, String base64) {
    byte[] raw;
    try {
      // Accept both alphabets: operators paste keys from `openssl rand -base64` and from tools
      // that emit the URL-safe form.
      raw =
          base64.indexOf('-') >= 0 || base64.indexOf('_') >= 0
              ? Base64.getUrlDecoder().decode(base64)
              : Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      throw new CryptoConfigurationException(
          KEYS_SETTING + ": key '" + kid + "' is not valid Base64");
    }
    try {
      if (raw.length != KEY_BYTES) {
        throw new CryptoConfigurationException(
            KEYS_SETTING
                + ": key '"
                + kid
                + "' must be 32 bytes (256 bits) after Base64 decoding but is "
                + raw.length
                + " bytes");
      }
      if (isAllZero(raw)) {
        throw new CryptoConfigurationException(
            KEYS_SETTING + ": key '" + kid + "' is all zeros; generate a random key");
      }
      return new SecretKeySpec(raw, "AES");
    } finally {
      Arrays.fill(raw, (byte) 0); // SecretKeySpec keeps its own copy
    }
  }

  private static boolean isAllZero(byte[] raw) {
    int bits = 0;
    for (byte b : raw) {
      bits |= b;
    }
    return bits == 0;
  }

  public String activeKeyId() {
    return activeKeyId;
  }

  public Optional<SecretKey> key(String kid) {
    return Optional.ofNullable(kid == null ? null : keys.get(kid));
  }

  public Set<String> keyIds() {
    return keys.keySet();
  }

  @Override
  public String toString() {
    return "KeyRing[active=" + activeKeyId + ", keys=" + keys.keySet() + "]";
  }
}
