package io.shopsense.api.crypto;

/**
 * A store's personal fields, as the key rotation sees them: which cipher seals them, how many are sealed under which
 * key, and the rewrite of old values under the current key. Implemented by each store that seals fields (the trait
 * store); called by start-up (once, to hand over the cipher before any other call) and by the re-encryption job.
 */
public interface SealedFields {

  /** A name for reports, such as {@code traits}. */
  String name();

  /** Sets the cipher every later read and write uses. Call before the store is used. */
  void protect(FieldCipher cipher);

  /**
   * Rewrites every personal value that is plain or sealed under an older key under the cipher's current key, page by
   * page, each value only if it is still as read (a concurrent write wins). Idempotent; returns how many it rewrote.
   */
  long reseal();

  /** How many personal values are stored plain, sealed under the current key, and sealed under older keys. */
  Census census();

  /** Counts of one store's personal values. */
  record Census(long plain, long current, long older) {}
}
