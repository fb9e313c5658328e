package io.shopsense.core.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.AEADBadTagException;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/** The key-encryption key: wraps and unwraps the ring's keys (AES-256-GCM, the key's role and id as associated data). */
final class MasterKey {
  private final SecretKey key;
  private final String id;

  private MasterKey(byte[] bytes) {
    if (bytes.length != KeyRing.KEY_BYTES) {
      throw new IllegalArgumentException("a master key is 32 bytes (256 bits), Base64-encoded; got " + bytes.length
          + " bytes");
    }
    this.key = new SecretKeySpec(bytes, "AES");
    this.id = fingerprint(bytes);
  }

  static MasterKey generate() {
    return new MasterKey(KeyRing.randomBytes(KeyRing.KEY_BYTES));
  }

  /** From its Base64 text (standard or URL-safe alphabet). */
  static MasterKey fromBase64(String text) {
    String t = text.strip();
    byte[] bytes;
    try {
      bytes = t.contains("-") || t.contains("_") ? Base64.getUrlDecoder().decode(t) : Base64.getDecoder().decode(t);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the master key is not valid Base64");
    }
    return new MasterKey(bytes);
  }

  String toBase64() {
    return Base64.getEncoder().encodeToString(key.getEncoded());
  }

  String id() {
    return id;
  }

  String wrap(byte[] secret, String role) {
    return Base64.getEncoder().encodeToString(Aead.seal(key, secret, role.getBytes(StandardCharsets.UTF_8)));
  }

  byte[] unwrap(String wrapped, String role) {
    try {
      return Aead.open(key, Base64.getDecoder().decode(wrapped), 0, role.getBytes(StandardCharsets.UTF_8));
    } catch (AEADBadTagException | IllegalArgumentException e) {
      throw new IllegalStateException("cannot unwrap the " + role + " with this master key: the key ring was "
          + "altered or wrapped by another master key");
    }
  }

  private static String fingerprint(byte[] bytes) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(bytes, "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal("shopsense master key id".getBytes(StandardCharsets.UTF_8)), 0, 8);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public String toString() {
    return "MasterKey[" + id + "]";
  }
}
