package io.shopsense.core.access;

import java.time.Duration;
import java.util.Objects;

/**
 * Console sign-in settings.
 *
 * @param idleTimeout            a session ends when unused this long
 * @param absoluteTimeout        a session ends this long after sign-in, however busy
 * @param maxFailuresPerUser     failed sign-ins for one user name within {@code failureWindow} before it is locked
 * @param maxFailuresPerAddress  failed sign-ins from one client address within {@code failureWindow} before it is
 *                               locked
 * @param failureWindow          how far back failures count
 * @param lockout                how long a locked user name or address waits
 * @param minPasswordLength      the shortest password accepted
 */
public record AccessSettings(Duration idleTimeout, Duration absoluteTimeout, int maxFailuresPerUser,
    int maxFailuresPerAddress, Duration failureWindow, Duration lockout, int minPasswordLength) {
  public AccessSettings {
    Objects.requireNonNull(idleTimeout, "idleTimeout");
    Objects.requireNonNull(absoluteTimeout, "absoluteTimeout");
    Objects.requireNonNull(failureWindow, "failureWindow");
    Objects.requireNonNull(lockout, "lockout");
    if (idleTimeout.isNegative() || idleTimeout.isZero() || absoluteTimeout.compareTo(idleTimeout) < 0) {
      throw new IllegalArgumentException("the idle timeout must be positive and at most the absolute timeout");
    }
    if (maxFailuresPerUser < 1 || maxFailuresPerAddress < 1) {
      throw new IllegalArgumentException("the failure limits must be at least 1");
    }
    if (failureWindow.isNegative() || failureWindow.isZero() || lockout.isNegative() || lockout.isZero()) {
      throw new IllegalArgumentException("the failure window and the lockout must be positive");
    }
  }

  /** OWASP's session guidance for an application that shows personal data: 30 min idle, 8 h at most. */
  public static AccessSettings defaults() {
    return new AccessSettings(Duration.ofMinutes(30), Duration.ofHours(8), 5, 20, Duration.ofMinutes(15),
        Duration.ofMinutes(15), 12);
  }
}
