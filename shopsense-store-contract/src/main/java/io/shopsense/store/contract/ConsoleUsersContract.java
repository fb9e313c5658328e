package io.shopsense.store.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.shopsense.api.access.ConsoleRole;
import io.shopsense.api.access.ConsoleUser;
import io.shopsense.api.access.ConsoleUsers;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link ConsoleUsers}. {@link #open()} gives the port over the backend's storage for this test (empty
 * at the first call of a test, the same storage at later calls); {@link #reopen()} is a restart.
 *
 * <p>Decided here: {@code save} inserts or replaces by name; {@code create} never replaces; {@code all} lists by
 * name; instants keep microseconds.
 */
public abstract class ConsoleUsersContract {
  protected static final Instant T0 = Envelopes.T0;

  protected ConsoleUsers users;

  protected abstract ConsoleUsers open() throws Exception;

  protected abstract void close() throws Exception;

  protected ConsoleUsers reopen() throws Exception {
    close();
    return open();
  }

  @BeforeEach
  void openUsers() throws Exception {
    users = open();
  }

  @AfterEach
  void closeUsers() throws Exception {
    close();
  }

  protected static ConsoleUser user(String name, Set<ConsoleRole> roles) {
    return new ConsoleUser(name, roles, "$argon2id$v=19$m=16384,t=2,p=1$c2FsdA$" + name, T0, T0, null);
  }

  @Test
  void anEmptyStoreHasNoUsers() {
    assertThat(users.all()).isEmpty();
    assertThat(users.find("ada")).isEmpty();
  }

  @Test
  void findsASavedUserWithEveryField() {
    ConsoleUser ada = new ConsoleUser("ada", Set.of(ConsoleRole.MARKETER, ConsoleRole.PRIVACY_OFFICER), "$hash$ada",
        T0, T0.plusMillis(1_234).plusNanos(5_000), T0.plusSeconds(9));

    users.save(ada);

    assertThat(users.find("ada")).contains(ada);
    assertThat(users.find("Ada")).isEmpty();
  }

  @Test
  void savingAgainReplacesTheUser() {
    users.save(user("ada", Set.of(ConsoleRole.ANALYST)));
    ConsoleUser promoted = user("ada", Set.of(ConsoleRole.ADMIN)).withPassword("$new", T0.plusSeconds(60));

    users.save(promoted);

    assertThat(users.all()).containsExactly(promoted);
  }

  @Test
  void createNeverReplacesAnExistingUser() {
    ConsoleUser first = user("ada", Set.of(ConsoleRole.ANALYST));

    assertThat(users.create(first)).isTrue();
    assertThat(users.create(user("ada", Set.of(ConsoleRole.ADMIN)))).isFalse();

    assertThat(users.find("ada")).contains(first);
  }

  @Test
  void listsUsersByName() {
    users.save(user("zoe", Set.of(ConsoleRole.ANALYST)));
    users.save(user("ada", Set.of(ConsoleRole.ADMIN)));
    users.save(user("max", Set.of(ConsoleRole.MARKETER)));

    assertThat(users.all()).extracting(ConsoleUser::username).containsExactly("ada", "max", "zoe");
  }

  @Test
  void deletesAUserOnce() {
    users.save(user("ada", Set.of(ConsoleRole.ADMIN)));

    assertThat(users.delete("ada")).isTrue();
    assertThat(users.delete("ada")).isFalse();
    assertThat(users.find("ada")).isEmpty();
  }

  @Test
  void keepsUsersAcrossARestart() throws Exception {
    ConsoleUser ada = user("ada", Set.of(ConsoleRole.ADMIN, ConsoleRole.ANALYST));
    users.save(ada);

    users = reopen();

    assertThat(users.find("ada")).contains(ada);
  }
}
