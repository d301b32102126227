package com.opstower.crypto.control;

import com.opstower.crypto.entity.SecretBinding;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * What was encrypted before v1.1 (stored form {@code v1}): the owning row's id and the secret. The
 * owner id is length-prefixed (two bytes, big-endian) rather than joined with a separator, so no
 * owner id or secret can be read back as a different split of the same bytes.
 */
final class OwnedPlaintext {

  private static final int MAX_OWNER_BYTES = 0xFFFF;

  private OwnedPlaintext() {}

  static byte[] encode(String ownerId, String secret) {
    var owner = ownerId.getBytes(StandardCharsets.UTF_8);
    if (owner.length > MAX_OWNER_BYTES) {
      throw new IllegalArgumentException("owner id too long");
    }
    var value = secret.getBytes(StandardCharsets.UTF_8);
    return ByteBuffer.allocate(2 + owner.length + value.length)
        .putShort((short) owner.length)
        .put(owner)
        .put(value)
        .array();
  }

  /**
   * @throws IllegalArgumentException if the bytes are not of the encoded form
   */
  static CredentialCipher.Opened decode(byte[] plain) {
    if (plain.length < 2) {
      throw new IllegalArgumentException("too short");
    }
    var buffer = ByteBuffer.wrap(plain);
    var ownerLength = Short.toUnsignedInt(buffer.getShort());
    if (ownerLength == 0 || ownerLength > buffer.remaining()) {
      throw new IllegalArgumentException("bad owner length");
    }
    var owner = strictUtf8(buffer.slice(2, ownerLength));
    var secret = strictUtf8(buffer.slice(2 + ownerLength, plain.length - 2 - ownerLength));
    return new CredentialCipher.Opened(SecretBinding.ownerOnly(owner), secret);
  }

  static String strictUtf8(ByteBuffer bytes) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(bytes)
          .toString();
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException("not UTF-8");
    }
  }
}
