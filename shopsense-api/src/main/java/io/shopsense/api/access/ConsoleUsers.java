package io.shopsense.api.access;

import java.util.List;
import java.util.Optional;

/**
 * The console users. Called by the login (by user name), by user management and by the offline {@code users}
 * command. User names are compared exactly; callers normalise them to lower case first. Thread-safe.
 */
public interface ConsoleUsers {

  /** Inserts the user or replaces the stored user with the same name. */
  void save(ConsoleUser user);

  /** Inserts the user only if the name is free; false (and nothing changed) if it is taken. */
  boolean create(ConsoleUser user);

  Optional<ConsoleUser> find(String username);

  /** Every user, by name. */
  List<ConsoleUser> all();

  /** Removes the user; false if there was none. Their sessions are the caller's to end. */
  boolean delete(String username);
}
