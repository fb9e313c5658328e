package io.shopsense.core.access;

import io.shopsense.api.access.ApiKey;
import io.shopsense.api.access.ApiKeys;
import io.shopsense.api.access.ApiScope;
import io.shopsense.api.id.SourceId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;

/**
 * Issues and checks API keys. A key's secret is shown once, when it is issued; only its SHA-256 is stored (the
 * secret has 190 bits of randomness, so a fast hash is enough — a password KDF is for low-entropy secrets).
 *
 * <p>Every API request authenticates, so answers are kept in memory for {@link #CACHE_TTL} (at most
 * {@value #CACHE_SIZE} secrets, found or not): a request pays a hash and a map look-up, not a store read. Issuing or
 * revoking a key through this service forgets the cache at once; a key revoked by another process stops working
 * within {@link #CACHE_TTL}.
 */
public final class ApiKeyService {
  private static final char[] ALPHABET =
      "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();
  private static final String PREFIX = "ss_";

  /** A newly issued key and its secret, which is not kept anywhere. */
  public record IssuedKey(ApiKey key, String secret) {}

  /** How long an authentication answer is reused. */
  public static final java.time.Duration CACHE_TTL = java.time.Duration.ofSeconds(5);
  static final int CACHE_SIZE = 10_000;

  private record Answer(Optional<ApiKey> key, long readAtMillis) {}

  private final ApiKeys keys;
  private final Clock clock;
  private final java.util.concurrent.ConcurrentHashMap<String, Answer> answers =
      new java.util.concurrent.ConcurrentHashMap<>();
  private final SecureRandom random = new SecureRandom();

  public ApiKeyService(ApiKeys keys, Clock clock) {
    this.keys = keys;
    this.clock = clock;
  }

  public IssuedKey issue(SourceId source, Set<ApiScope> scopes) {
    if (scopes.isEmpty()) {
      throw new IllegalArgumentException("a key needs at least one scope");
    }
    char[] chars = new char[32];
    for (int i = 0; i < chars.length; i++) {
      chars[i] = ALPHABET[random.nextInt(ALPHABET.length)];
    }
    String secret = PREFIX + new String(chars);
    String id = "key_" + new String(chars, 0, 8).toLowerCase();
    ApiKey key = new ApiKey(id, source, scopes, hash(secret), secret.substring(secret.length() - 4), clock.instant(),
        null);
    keys.save(key);
    answers.clear();
    return new IssuedKey(key, secret);
  }

  /** The valid (not revoked) key with this secret, if any. */
  public Optional<ApiKey> authenticate(String secret) {
    if (secret == null || !secret.startsWith(PREFIX) || secret.length() > 100) {
      return Optional.empty();
    }
    String hash = hash(secret);
    long now = clock.millis();
    Answer cached = answers.get(hash);
    if (cached == null || now - cached.readAtMillis() >= CACHE_TTL.toMillis() || now < cached.readAtMillis()) {
      if (answers.size() >= CACHE_SIZE) {
        answers.clear(); // a flood of made-up secrets costs bounded memory
      }
      cached = new Answer(keys.byHash(hash).filter(k -> k.revokedAt() == null), now);
      answers.put(hash, cached);
    }
    return cached.key();
  }

  /** Revokes the key (as {@link ApiKeys#revoke}) and forgets cached answers, so that it stops working at once. */
  public void revoke(String id) {
    keys.revoke(id, clock.instant());
    answers.clear();
  }

  /** Issues a first admin key when there is no key at all; empty otherwise. */
  public Optional<IssuedKey> bootstrap(SourceId source) {
    if (!keys.all().isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(issue(source, Set.of(ApiScope.ADMIN)));
  }

  static String hash(String secret) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(secret.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
