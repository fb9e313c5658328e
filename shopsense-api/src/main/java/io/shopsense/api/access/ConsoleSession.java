package io.shopsense.api.access;

import java.time.Instant;
import java.util.Objects;

/**
 * A signed-in console session. Only a hash of its bearer token is kept.
 *
 * @param tokenHash     hex SHA-256 of the bearer token
 * @param idleExpiresAt when it ends unless used again (each use moves this forward, never past {@code expiresAt})
 * @param expiresAt     when it ends at the latest, however busy (the absolute timeout)
 */
public record ConsoleSession(String tokenHash, String username, Instant createdAt, Instant lastSeenAt,
    Instant idleExpiresAt, Instant expiresAt) {
  public ConsoleSession {
    Objects.requireNonNull(tokenHash, "tokenHash");
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(idleExpiresAt, "idleExpiresAt");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }

  /** Whether the session is still valid at {@code now}. */
  public boolean liveAt(Instant now) {
    return now.isBefore(idleExpiresAt) && now.isBefore(expiresAt);
  }
}
