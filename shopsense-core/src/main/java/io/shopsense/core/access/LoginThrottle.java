package io.shopsense.core.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Slows password guessing: after too many failed sign-ins within a window, for one user name or from one client
 * address, further attempts are refused until a lockout has passed, without checking the password. In memory: a
 * restart forgets the counts, which costs an attacker a restart they cannot cause. Thread-safe.
 */
public final class LoginThrottle {
  /** Bounds the memory an attacker can make us spend by trying many names or addresses. */
  static final int MAX_TRACKED = 100_000;

  private static final class Track {
    final Deque<Instant> failures = new ArrayDeque<>();
    Instant lockedUntil;
  }

  private final AccessSettings settings;
  private final Clock clock;
  private final Map<String, Track> tracks = new HashMap<>();

  public LoginThrottle(AccessSettings settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
  }

  /** How long the caller must wait before trying again, if the user name or the address is locked. */
  public synchronized Optional<Duration> retryAfter(String username, String address) {
    Instant now = clock.instant();
    Duration wait = Duration.ZERO;
    for (String key : new String[] {"u:" + username, "a:" + address}) {
      Track t = tracks.get(key);
      if (t != null && t.lockedUntil != null && now.isBefore(t.lockedUntil)) {
        Duration left = Duration.between(now, t.lockedUntil);
        wait = left.compareTo(wait) > 0 ? left : wait;
      }
    }
    return wait.isZero() ? Optional.empty() : Optional.of(wait);
  }

  /** Counts a failed sign-in against the user name and the address. */
  public synchronized void failed(String username, String address) {
    Instant now = clock.instant();
    if (tracks.size() >= MAX_TRACKED) {
      forgetQuiet(now);
    }
    count("u:" + username, settings.maxFailuresPerUser(), now);
    count("a:" + address, settings.maxFailuresPerAddress(), now);
  }

  /** A successful sign-in clears the user name's failures (not the address's: one address may try many names). */
  public synchronized void succeeded(String username) {
    tracks.remove("u:" + username);
  }

  private void count(String key, int limit, Instant now) {
    Track t = tracks.computeIfAbsent(key, k -> new Track());
    Instant since = now.minus(settings.failureWindow());
    while (!t.failures.isEmpty() && !t.failures.peekFirst().isAfter(since)) {
      t.failures.removeFirst();
    }
    t.failures.addLast(now);
    if (t.failures.size() >= limit) {
      t.lockedUntil = now.plus(settings.lockout());
      t.failures.clear();
    }
  }

  private void forgetQuiet(Instant now) {
    Instant since = now.minus(settings.failureWindow());
    tracks.values().removeIf(t -> (t.lockedUntil == null || !now.isBefore(t.lockedUntil))
        && (t.failures.isEmpty() || !t.failures.peekLast().isAfter(since)));
    if (tracks.size() >= MAX_TRACKED) {
      // a flood of distinct keys: keep the lockouts, forget counts below the limit
      tracks.values().removeIf(t -> t.lockedUntil == null || !now.isBefore(t.lockedUntil));
    }
    if (tracks.size() >= MAX_TRACKED) {
      tracks.clear(); // our memory matters more than the lockouts of a flood
    }
  }

  synchronized int tracked() {
    return tracks.size();
  }
}
