package io.shopsense.core.access;

import io.shopsense.api.access.ConsoleRole;
import io.shopsense.api.access.ConsoleSessions;
import io.shopsense.api.access.ConsoleUser;
import io.shopsense.api.access.ConsoleUsers;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Manages console users: names, roles and passwords. A password is checked against the {@link PasswordPolicy} and
 * kept only as a KDF hash. Changing a user's password, disabling or deleting them ends their sessions; role changes
 * apply to their next request (roles are read per request). Refusals are {@link IllegalArgumentException}s whose
 * messages name the rule, never the password.
 */
public final class ConsoleUserService {
  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._@-]{1,63}");

  private final ConsoleUsers users;
  private final ConsoleSessions sessions;
  private final PasswordHasher hasher;
  private final PasswordPolicy policy;
  private final Clock clock;
  private final AccessAudit audit;

  public ConsoleUserService(ConsoleUsers users, ConsoleSessions sessions, PasswordHasher hasher,
      PasswordPolicy policy, Clock clock) {
    this(users, sessions, hasher, policy, clock, AccessAudit.NONE);
  }

  public ConsoleUserService(ConsoleUsers users, ConsoleSessions sessions, PasswordHasher hasher,
      PasswordPolicy policy, Clock clock, AccessAudit audit) {
    this.users = users;
    this.sessions = sessions;
    this.hasher = hasher;
    this.policy = policy;
    this.clock = clock;
    this.audit = audit;
  }

  /** The user name as stored: stripped and lower case; refused unless 2-64 of {@code a-z 0-9 . _ @ -}. */
  public static String normalise(String username) {
    String n = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    if (!NAME.matcher(n).matches()) {
      throw new IllegalArgumentException("a user name has 2 to 64 characters of a-z, 0-9, '.', '_', '@', '-' and "
          + "starts with a letter or digit");
    }
    return n;
  }

  /** Creates a user; refused if the name is taken, a role is missing or the password breaks the policy. */
  public ConsoleUser create(String username, Set<ConsoleRole> roles, CharSequence password) {
    String name = normalise(username);
    requireRoles(roles);
    requirePassword(name, password);
    var now = clock.instant();
    ConsoleUser user = new ConsoleUser(name, roles, hasher.hash(password), now, now, null);
    if (!users.create(user)) {
      throw new IllegalStateException("a user with this name exists");
    }
    audit.record(new AccessChange.UserCreated(name, user.roles()));
    return user;
  }

  public Optional<ConsoleUser> find(String username) {
    return users.find(username.strip().toLowerCase(Locale.ROOT));
  }

  public List<ConsoleUser> all() {
    return users.all();
  }

  /** Replaces the user's roles (a configuration change the caller audits). */
  public ConsoleUser changeRoles(String username, Set<ConsoleRole> roles) {
    requireRoles(roles);
    ConsoleUser before = existing(username);
    ConsoleUser changed = before.withRoles(roles);
    users.save(changed);
    audit.record(new AccessChange.RolesChanged(before.username(), before.roles(), changed.roles()));
    return changed;
  }

  /** Sets a new password and ends the user's sessions. */
  public ConsoleUser changePassword(String username, CharSequence password) {
    ConsoleUser user = existing(username);
    requirePassword(user.username(), password);
    ConsoleUser changed = user.withPassword(hasher.hash(password), clock.instant());
    users.save(changed);
    sessions.deleteFor(user.username());
    audit.record(new AccessChange.PasswordChanged(user.username()));
    return changed;
  }

  /** Disables (and signs out) or re-enables the user. */
  public ConsoleUser setEnabled(String username, boolean enabled) {
    ConsoleUser user = existing(username);
    ConsoleUser changed = user.withDisabledAt(enabled ? null : user.enabled() ? clock.instant() : user.disabledAt());
    users.save(changed);
    if (!enabled) {
      sessions.deleteFor(user.username());
    }
    audit.record(new AccessChange.UserEnabled(user.username(), enabled));
    return changed;
  }

  /** Deletes the user and their sessions; false if there was none. */
  public boolean delete(String username) {
    String name = username.strip().toLowerCase(Locale.ROOT);
    boolean deleted = users.delete(name);
    sessions.deleteFor(name);
    if (deleted) {
      audit.record(new AccessChange.UserDeleted(name));
    }
    return deleted;
  }

  private ConsoleUser existing(String username) {
    return find(username).orElseThrow(() -> new NoSuchUserException());
  }

  private static void requireRoles(Set<ConsoleRole> roles) {
    if (roles == null || roles.isEmpty()) {
      throw new IllegalArgumentException("a user needs at least one role: admin, marketer, analyst, privacy_officer");
    }
  }

  private void requirePassword(String username, CharSequence password) {
    List<String> problems = policy.problems(username, password);
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", problems));
    }
  }

  /** There is no user of that name. */
  public static final class NoSuchUserException extends RuntimeException {
    public NoSuchUserException() {
      super("no such user");
    }
  }
}
