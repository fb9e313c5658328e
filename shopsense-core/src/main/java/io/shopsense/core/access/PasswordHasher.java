package io.shopsense.core.access;

/**
 * A password key-derivation function (the server uses Argon2id). Implementations are thread-safe and deliberately
 * slow; the hash they return is self-describing (algorithm, parameters and salt included), so that the parameters can
 * be raised later without breaking stored hashes.
 */
public interface PasswordHasher {

  /** A fresh salted hash of the password. */
  String hash(CharSequence password);

  /** Whether the password matches the stored hash; false for a hash this hasher cannot read. */
  boolean matches(CharSequence password, String hash);
}
