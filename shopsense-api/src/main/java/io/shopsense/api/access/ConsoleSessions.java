package io.shopsense.api.access;

import java.time.Instant;
import java.util.Optional;

/**
 * The console sessions, by token hash. Called on every console request ({@link #find}, {@link #touch}), by login and
 * logout, and by user management (a user's sessions end when their password, roles or account change). The store
 * does not judge expiry: {@link #find} returns expired sessions too and the caller checks
 * {@link ConsoleSession#liveAt}. Thread-safe.
 */
public interface ConsoleSessions {

  /** Stores a new session; a token hash belongs to one session only ({@link IllegalArgumentException} otherwise). */
  void create(ConsoleSession session);

  Optional<ConsoleSession> find(String tokenHash);

  /**
   * Records a use: sets {@code lastSeenAt} and {@code idleExpiresAt}, never moving {@code idleExpiresAt} backwards.
   * Touching an unknown session does nothing.
   */
  void touch(String tokenHash, Instant lastSeenAt, Instant idleExpiresAt);

  /** Ends one session; false if there was none. */
  boolean delete(String tokenHash);

  /** Ends every session of the user; returns how many. */
  int deleteFor(String username);

  /** Removes sessions that are over at {@code now} (idle or absolute); returns how many. Idempotent. */
  int purgeExpired(Instant now);
}
