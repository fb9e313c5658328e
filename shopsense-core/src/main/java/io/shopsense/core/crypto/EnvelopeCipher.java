package io.shopsense.core.crypto;

import io.shopsense.api.crypto.FieldCipher;
import io.shopsense.api.crypto.SealedFormat;
import io.shopsense.api.crypto.SealedValueException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;
import java.util.function.Supplier;
import javax.crypto.AEADBadTagException;

/**
 * The {@link FieldCipher} over the key ring: AES-256-GCM under the primary data key, the header (version and key id)
 * and the binding authenticated as associated data. It reads the ring on every call, so a rotation takes effect at
 * once: new values go under the new primary key while the older keys still open what they sealed.
 */
public final class EnvelopeCipher implements FieldCipher {
  static final byte VERSION = 1;
  private static final int HEADER = 5;
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder B64D = Base64.getUrlDecoder();

  private final Supplier<KeyRing> ring;
  private final Runnable reload;

  /** A cipher over a fixed supply of rings (tests, tools). */
  public EnvelopeCipher(Supplier<KeyRing> ring) {
    this(ring, () -> { });
  }

  /** @param reload called once when a value names a key the ring lacks (another process rotated), then retried */
  EnvelopeCipher(Supplier<KeyRing> ring, Runnable reload) {
    this.ring = Objects.requireNonNull(ring);
    this.reload = Objects.requireNonNull(reload);
  }

  @Override
  public String seal(String plaintext, String binding) {
    DataKey key = ring.get().primary();
    byte[] header = ByteBuffer.allocate(HEADER).put(VERSION).putInt(key.id()).array();
    byte[] box = Aead.seal(key.key(), plaintext.getBytes(StandardCharsets.UTF_8), aad(header, binding));
    byte[] out = ByteBuffer.allocate(HEADER + box.length).put(header).put(box).array();
    return SealedFormat.PREFIX + B64.encodeToString(out);
  }

  @Override
  public String open(String stored, String binding) {
    if (!isSealed(stored)) {
      return stored; // written before sealing was switched on
    }
    byte[] bytes = decode(stored);
    int keyId = ByteBuffer.wrap(bytes, 1, 4).getInt();
    if (ring.get().dataKey(keyId).isEmpty()) {
      reload.run();
    }
    DataKey key = ring.get().dataKey(keyId).orElseThrow(() -> new SealedValueException("the value was sealed under "
        + "data key " + keyId + ", which is not in the key ring (wrong key directory or master key?)"));
    byte[] header = java.util.Arrays.copyOf(bytes, HEADER);
    try {
      return new String(Aead.open(key.key(), bytes, HEADER, aad(header, binding)), StandardCharsets.UTF_8);
    } catch (AEADBadTagException e) {
      throw new SealedValueException("a sealed value does not authenticate: altered, or moved from another row or "
          + "field", e);
    }
  }

  @Override
  public boolean isSealed(String stored) {
    return SealedFormat.looksSealed(stored);
  }

  @Override
  public boolean isCurrent(String stored) {
    if (!isSealed(stored)) {
      return false;
    }
    return keyId(stored) == ring.get().primaryId();
  }

  /** The id of the data key a sealed value names. */
  public static int keyId(String sealed) {
    return ByteBuffer.wrap(decode(sealed), 1, 4).getInt();
  }

  private static byte[] decode(String stored) {
    byte[] bytes;
    try {
      bytes = B64D.decode(stored.substring(SealedFormat.PREFIX.length()));
    } catch (IllegalArgumentException e) {
      throw new SealedValueException("a sealed value is not valid Base64", e);
    }
    if (bytes.length < HEADER || bytes[0] != VERSION) {
      throw new SealedValueException("a sealed value has an unknown format version");
    }
    return bytes;
  }

  private static byte[] aad(byte[] header, String binding) {
    byte[] b = binding.getBytes(StandardCharsets.UTF_8);
    return ByteBuffer.allocate(header.length + b.length).put(header).put(b).array();
  }
}
