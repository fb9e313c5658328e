package io.shopsense.core.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Pseudonymous ids for analysts: HMAC-SHA256 of the identifier under the ring's pseudonym key, truncated to 128 bits
 * and written as {@code ps_} and 32 hex digits. The same identifier always gives the same pseudonym (joins and counts
 * still work), but without the key nobody can go from a pseudonym back to the identifier or test a guess at one.
 * Thread-safe.
 */
public final class Pseudonymizer {
  /** What every pseudonym starts with. */
  public static final String PREFIX = "ps_";
  private static final int BYTES = 16;

  private final SecretKeySpec key;
  private final ThreadLocal<Mac> macs;

  public Pseudonymizer(KeyRing ring) {
    this(ring.pseudonymKey());
  }

  Pseudonymizer(byte[] key) {
    this.key = new SecretKeySpec(key, "HmacSHA256");
    this.macs = ThreadLocal.withInitial(this::newMac);
  }

  /** The pseudonym of {@code identifier}, or null for null. */
  public String pseudonym(String identifier) {
    if (identifier == null) {
      return null;
    }
    Mac mac = macs.get();
    byte[] h = mac.doFinal(identifier.getBytes(StandardCharsets.UTF_8));
    return PREFIX + HexFormat.of().formatHex(h, 0, BYTES);
  }

  private Mac newMac() {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
    }
  }
}
