package io.shopsense.api.crypto;

/**
 * The text form of a sealed value: {@value #PREFIX} then the URL-safe Base64 (no padding) of the version byte, the
 * key id (4 bytes, big-endian), the 12-byte nonce and the AES-GCM ciphertext with its 16-byte tag. Plain values the
 * stores keep are JSON, which never starts with {@value #PREFIX}, so the two cannot be confused.
 */
public final class SealedFormat {
  /** What every sealed value starts with. */
  public static final String PREFIX = "ss1.";

  private SealedFormat() {}

  /** Whether {@code stored} is in the sealed format (it may still fail to open). */
  public static boolean looksSealed(String stored) {
    return stored != null && stored.startsWith(PREFIX);
  }
}
