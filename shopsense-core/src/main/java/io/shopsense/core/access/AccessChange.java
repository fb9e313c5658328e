package io.shopsense.core.access;

import io.shopsense.api.access.ConsoleRole;
import java.util.Set;

/**
 * A change to who may use the console, for the audit log: user and role changes are configuration changes, sign-ins
 * and refusals are access. Never carries a password, a hash or a token.
 */
public sealed interface AccessChange {
  /** The console user concerned (normalised name; for a refused sign-in, the name that was tried). */
  String username();

  record UserCreated(String username, Set<ConsoleRole> roles) implements AccessChange {}

  record RolesChanged(String username, Set<ConsoleRole> before, Set<ConsoleRole> after) implements AccessChange {}

  record PasswordChanged(String username) implements AccessChange {}

  record UserEnabled(String username, boolean enabled) implements AccessChange {}

  record UserDeleted(String username) implements AccessChange {}

  record SignedIn(String username) implements AccessChange {}

  record SignInRefused(String username, boolean throttled) implements AccessChange {}

  record SignedOut(String username) implements AccessChange {}
}
