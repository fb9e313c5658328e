package io.shopsense.server.security;

import io.shopsense.api.id.PersonId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Short-lived tokens that let one customer read their own data ({@code /v1/me/**}) without an account: {@code
 * sst1.<person id, base64url>.<expiry, epoch seconds>.<HMAC-SHA256 of what precedes, base64url>}. The shop's server
 * asks for one (with its read or admin key) and hands it to the logged-in customer's browser. Stateless: the HMAC key
 * is all there is to keep, in the settings or in a key file in the data directory, never logged. A token cannot be
 * revoked before it expires; keep the lifetime short. Thread-safe.
 */
public final class CustomerTokens {
  public static final String PREFIX = "sst1.";
  private static final int MIN_KEY_BYTES = 32;
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder B64D = Base64.getUrlDecoder();

  private final SecretKeySpec key;
  private final Clock clock;
  private final Duration lifetime;

  /** A token handed out, and when it stops working. */
  public record Issued(String token, Instant expiresAt) {}

  /** Why a token was not accepted, or whose it is. */
  public sealed interface Check {
    record Valid(PersonId person) implements Check {}

    record Rejected(String code, String reason) implements Check {}
  }

  public CustomerTokens(byte[] secret, Clock clock, Duration lifetime) {
    if (secret.length < MIN_KEY_BYTES) {
      throw new IllegalArgumentException("the customer token key needs at least " + MIN_KEY_BYTES + " bytes");
    }
    if (lifetime.isNegative() || lifetime.isZero()) {
      throw new IllegalArgumentException("shopsense.privacy.customer-token-ttl must be positive");
    }
    this.key = new SecretKeySpec(secret.clone(), "HmacSHA256");
    this.clock = clock;
    this.lifetime = lifetime;
  }

  public static boolean looksLikeToken(String secret) {
    return secret != null && secret.startsWith(PREFIX);
  }

  public Issued issue(PersonId person) {
    Instant expires = clock.instant().plus(lifetime).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    String body = PREFIX + B64.encodeToString(person.value().getBytes(StandardCharsets.UTF_8)) + "."
        + expires.getEpochSecond();
    return new Issued(body + "." + B64.encodeToString(mac(body)), expires);
  }

  public Check check(String token) {
    if (!looksLikeToken(token)) {
      return new Check.Rejected("invalid_customer_token", "not a customer token");
    }
    int lastDot = token.lastIndexOf('.');
    String body = token.substring(0, lastDot);
    String[] parts = body.split("\\.", -1);
    if (parts.length != 3) {
      return new Check.Rejected("invalid_customer_token", "the customer token is malformed");
    }
    byte[] given;
    try {
      given = B64D.decode(token.substring(lastDot + 1));
    } catch (IllegalArgumentException e) {
      return new Check.Rejected("invalid_customer_token", "the customer token is malformed");
    }
    // compare in constant time before looking at the content: a forged token learns nothing
    if (!MessageDigest.isEqual(mac(body), given)) {
      return new Check.Rejected("invalid_customer_token", "the customer token's signature is not valid");
    }
    long expires;
    String person;
    try {
      expires = Long.parseLong(parts[2]);
      person = new String(B64D.decode(parts[1]), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return new Check.Rejected("invalid_customer_token", "the customer token is malformed");
    }
    if (clock.instant().getEpochSecond() >= expires) {
      return new Check.Rejected("expired_customer_token", "the customer token has expired; ask the shop for a new one");
    }
    if (person.isBlank()) {
      return new Check.Rejected("invalid_customer_token", "the customer token names no person");
    }
    return new Check.Valid(PersonId.of(person));
  }

  private byte[] mac(String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return mac.doFinal(body.getBytes(StandardCharsets.US_ASCII));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
    }
  }

  /**
   * The key from the setting (base64), or else from {@code file}, which is created with 32 random bytes (readable by
   * the owner only) on first use.
   */
  public static byte[] key(String configured, Path file) {
    if (configured != null && !configured.isBlank()) {
      try {
        return Base64.getDecoder().decode(configured.strip());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("shopsense.privacy.customer-token-secret must be base64", e);
      }
    }
    try {
      if (Files.exists(file)) {
        return Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
      }
      byte[] fresh = new byte[MIN_KEY_BYTES];
      new SecureRandom().nextBytes(fresh);
      Files.createDirectories(file.toAbsolutePath().getParent());
      Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
      Files.deleteIfExists(tmp);
      Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.writeString(tmp, Base64.getEncoder().encodeToString(fresh) + "\n", StandardCharsets.US_ASCII);
      Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      return fresh;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or create the customer token key file " + file, e);
    }
  }
}
