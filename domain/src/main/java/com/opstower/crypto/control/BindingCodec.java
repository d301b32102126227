package com.opstower.crypto.control;

import com.opstower.crypto.entity.SecretBinding;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The bytes of a {@link SecretBinding} in a stored secret: owner id, origin and auth type, each
 * length-prefixed (two bytes, big-endian) so that no value can be read back as a different split of
 * the same bytes. An owner-only binding has empty origin and auth type.
 */
final class BindingCodec {

  private static final int MAX_FIELD_BYTES = 0xFFFF;

  private BindingCodec() {}

  static byte[] encode(SecretBinding binding) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    field(out, binding.ownerId());
    field(out, binding.origin() == null ? "" : binding.origin());
    field(out, binding.authType() == null ? "" : binding.authType());
    return out.toByteArray();
  }

  /**
   * @throws IllegalArgumentException if the bytes are not of the encoded form
   */
  static SecretBinding decode(byte[] bytes) {
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    String owner = field(buffer);
    String origin = field(buffer);
    String authType = field(buffer);
    if (buffer.hasRemaining() || owner.isEmpty() || origin.isEmpty() != authType.isEmpty()) {
      throw new IllegalArgumentException("not a binding");
    }
    return origin.isEmpty()
        ? SecretBinding.ownerOnly(owner)
        : new SecretBinding(owner, origin, authType);
  }

  private static void field(ByteArrayOutputStream out, String value) {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    if (bytes.length > MAX_FIELD_BYTES) {
      throw new IllegalArgumentException("binding value too long");
    }
    out.write(bytes.length >> 8);
    out.write(bytes.length & 0xFF);
    out.writeBytes(bytes);
  }

  private static String field(ByteBuffer buffer) {
    if (buffer.remaining() < 2) {
      throw new IllegalArgumentException("truncated binding");
    }
    int length = Short.toUnsignedInt(buffer.getShort());
    if (length > buffer.remaining()) {
      throw new IllegalArgumentException("truncated binding");
    }
    ByteBuffer value = buffer.slice(buffer.position(), length);
    buffer.position(buffer.position() + length);
    return OwnedPlaintext.strictUtf8(value);
  }
}
