package io.shopsense.api.access;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * A person who signs in to the console. Only a password hash is kept (a self-describing KDF string such as
 * {@code $argon2id$v=19$m=...}).
 *
 * @param username          the sign-in name, lower case
 * @param roles             at least one role
 * @param passwordHash      the KDF output, never the password
 * @param passwordChangedAt when the password was last set
 * @param disabledAt        when the user was disabled, or null while the user may sign in
 */
public record ConsoleUser(String username, Set<ConsoleRole> roles, String passwordHash, Instant createdAt,
    Instant passwordChangedAt, Instant disabledAt) {
  public ConsoleUser {
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(passwordHash, "passwordHash");
    roles = Set.copyOf(roles);
    if (roles.isEmpty()) {
      throw new IllegalArgumentException("a console user needs at least one role");
    }
  }

  /** Without the password hash, so that a logged user never carries it. */
  @Override
  public String toString() {
    return "ConsoleUser[username=" + username + ", roles=" + roles + ", createdAt=" + createdAt
        + ", passwordChangedAt=" + passwordChangedAt + ", disabledAt=" + disabledAt + "]";
  }

  public boolean enabled() {
    return disabledAt == null;
  }

  public ConsoleUser withRoles(Set<ConsoleRole> newRoles) {
    return new ConsoleUser(username, newRoles, passwordHash, createdAt, passwordChangedAt, disabledAt);
  }

  public ConsoleUser withPassword(String newHash, Instant at) {
    return new ConsoleUser(username, roles, newHash, createdAt, at, disabledAt);
  }

  public ConsoleUser withDisabledAt(Instant at) {
    return new ConsoleUser(username, roles, passwordHash, createdAt, passwordChangedAt, at);
  }
}
