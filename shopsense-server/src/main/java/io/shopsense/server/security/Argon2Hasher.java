package io.shopsense.server.security;

import io.shopsense.core.access.PasswordHasher;
import io.shopsense.server.config.SecurityProperties;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/**
 * Argon2id (RFC 9106), the winner of the Password Hashing Competition and OWASP's first choice, through Spring
 * Security's encoder on BouncyCastle. The defaults (19 MiB, 2 passes, 1 lane) are OWASP's minimum; the stored string
 * carries its parameters, so raising them later keeps old hashes readable.
 */
public final class Argon2Hasher implements PasswordHasher {
  private final Argon2PasswordEncoder encoder;

  public Argon2Hasher(SecurityProperties.Password settings) {
    int kib = (int) Math.min(Integer.MAX_VALUE, settings.memory().toKilobytes());
    this.encoder = new Argon2PasswordEncoder(16, 32, settings.parallelism(), kib, settings.iterations());
  }

  @Override
  public String hash(CharSequence password) {
    return encoder.encode(password);
  }

  @Override
  public boolean matches(CharSequence password, String hash) {
    return hash != null && hash.startsWith("$argon2") && encoder.matches(password, hash);
  }
}
