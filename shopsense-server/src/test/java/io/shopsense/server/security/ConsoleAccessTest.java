package io.shopsense.server.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shopsense.api.access.ConsoleRole;
import io.shopsense.core.access.AccessChange;
import io.shopsense.core.access.AdvancingClock;
import io.shopsense.core.access.AccessSettings;
import io.shopsense.core.access.ConsoleSessionService;
import io.shopsense.core.access.ConsoleSessionService.Denied;
import io.shopsense.core.access.ConsoleSessionService.Granted;
import io.shopsense.core.access.ConsoleSessionService.Login;
import io.shopsense.core.access.ConsoleSessionService.Throttled;
import io.shopsense.core.access.ConsoleUserService;
import io.shopsense.core.access.PasswordPolicy;
import io.shopsense.server.config.SecurityProperties;
import io.shopsense.store.jdbc.JdbcStores;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

/**
 * Console users and sessions on the real parts: the embedded H2 store in a temporary directory and Argon2id (with
 * small parameters, to keep the test fast), under a clock the test moves.
 */
class ConsoleAccessTest {
  private static final String PASSWORD = "correct horse battery staple";

  @TempDir
  Path dir;

  private final AdvancingClock clock = new AdvancingClock(Instant.parse("2026-03-01T10:00:00Z"));
  private final AccessSettings settings = new AccessSettings(Duration.ofMinutes(30), Duration.ofHours(8), 3, 10,
      Duration.ofMinutes(15), Duration.ofMinutes(15), 12);
  private final Argon2Hasher hasher = new Argon2Hasher(new SecurityProperties.Password(12, DataSize.ofKilobytes(256),
      1, 1));
  private final List<AccessChange> audited = new CopyOnWriteArrayList<>();
  private JdbcStores stores;
  private ConsoleUserService users;
  private ConsoleSessionService sessions;

  @BeforeEach
  void open() {
    stores = JdbcStores.h2(dir);
    users = new ConsoleUserService(stores.consoleUsers(), stores.consoleSessions(), hasher, new PasswordPolicy(12),
        clock, audited::add);
    sessions = new ConsoleSessionService(stores.consoleUsers(), stores.consoleSessions(), hasher, settings, clock,
        audited::add);
    users.create("Ada", Set.of(ConsoleRole.MARKETER), PASSWORD);
  }

  @AfterEach
  void close() {
    stores.close();
  }

  private Granted login() {
    Login l = sessions.login("ada", PASSWORD, "10.0.0.1");
    assertThat(l).isInstanceOf(Granted.class);
    return (Granted) l;
  }

  @Test
  void storesOnlyAnArgon2idHashOfThePassword() {
    String stored = stores.consoleUsers().find("ada").orElseThrow().passwordHash();

    assertThat(stored).startsWith("$argon2id$").doesNotContain(PASSWORD);
    assertThat(hasher.matches(PASSWORD, stored)).isTrue();
    assertThat(hasher.matches("wrong horse battery staple", stored)).isFalse();
  }

  @Test
  void signsInWithTheRightPasswordAndKeepsOnlyTheTokensHash() {
    Granted g = login();

    assertThat(g.token()).startsWith("sess_").hasSizeGreaterThan(40);
    assertThat(g.session().tokenHash()).isNotEqualTo(g.token()).hasSize(64);
    assertThat(sessions.authenticate(g.token())).get().extracting(s -> s.user().roles())
        .isEqualTo(Set.of(ConsoleRole.MARKETER));
    assertThat(sessions.authenticate(g.token() + "x")).isEmpty();
  }

  @Test
  void aWrongPasswordAnUnknownUserAndADisabledUserGetTheSameAnswer() {
    users.create("bob", Set.of(ConsoleRole.ANALYST), PASSWORD);
    users.setEnabled("bob", false);

    assertThat(sessions.login("ada", "not the password at all", "10.0.0.1")).isInstanceOf(Denied.class);
    assertThat(sessions.login("nobody", PASSWORD, "10.0.0.1")).isInstanceOf(Denied.class);
    assertThat(sessions.login("bob", PASSWORD, "10.0.0.1")).isInstanceOf(Denied.class);
  }

  @Test
  void aSessionEndsWhenIdleForTheIdleTimeout() {
    Granted g = login();

    clock.advance(Duration.ofMinutes(29));
    assertThat(sessions.authenticate(g.token())).isPresent();
    clock.advance(Duration.ofMinutes(29)); // used 29 min ago: still live, and the use moved the idle expiry
    assertThat(sessions.authenticate(g.token())).isPresent();
    clock.advance(Duration.ofMinutes(30));

    assertThat(sessions.authenticate(g.token())).isEmpty();
  }

  @Test
  void aBusySessionEndsAtTheAbsoluteTimeout() {
    Granted g = login();

    for (int i = 0; i < 31; i++) {
      clock.advance(Duration.ofMinutes(15));
      assertThat(sessions.authenticate(g.token())).as("after %d min", (i + 1) * 15).isPresent();
    }
    clock.advance(Duration.ofMinutes(15)); // 8 h

    assertThat(sessions.authenticate(g.token())).isEmpty();
  }

  @Test
  void logoutEndsTheSession() {
    Granted g = login();

    assertThat(sessions.logout(g.token())).isTrue();

    assertThat(sessions.authenticate(g.token())).isEmpty();
    assertThat(sessions.logout(g.token())).isFalse();
  }

  @Test
  void changingThePasswordOrDisablingTheUserEndsTheirSessions() {
    Granted first = login();
    users.changePassword("ada", "another long passphrase");
    Granted second = (Granted) sessions.login("ada", "another long passphrase", "10.0.0.1");
    users.setEnabled("ada", false);

    assertThat(sessions.authenticate(first.token())).isEmpty();
    assertThat(sessions.authenticate(second.token())).isEmpty();
  }

  @Test
  void roleChangesApplyToTheNextRequest() {
    Granted g = login();

    users.changeRoles("ada", Set.of(ConsoleRole.ANALYST));

    assertThat(sessions.authenticate(g.token()).orElseThrow().user().roles()).containsExactly(ConsoleRole.ANALYST);
  }

  @Test
  void throttlesGuessingAUsersPasswordThenLetsThemInAfterTheLockout() {
    for (int i = 0; i < 3; i++) {
      assertThat(sessions.login("ada", "guess number " + i + "!", "10.0.0." + i)).isInstanceOf(Denied.class);
    }

    Login locked = sessions.login("ada", PASSWORD, "10.0.0.9");
    clock.advance(Duration.ofMinutes(15));

    assertThat(locked).isInstanceOf(Throttled.class);
    assertThat(((Throttled) locked).retryAfter()).isEqualTo(Duration.ofMinutes(15));
    assertThat(sessions.login("ada", PASSWORD, "10.0.0.9")).isInstanceOf(Granted.class);
  }

  @Test
  void refusesBadNamesWeakPasswordsTakenNamesAndNoRoles() {
    assertThatThrownBy(() -> users.create("a b", Set.of(ConsoleRole.ADMIN), PASSWORD))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("user name");
    assertThatThrownBy(() -> users.create("carol", Set.of(ConsoleRole.ADMIN), "short"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 12");
    assertThatThrownBy(() -> users.create("ADA", Set.of(ConsoleRole.ADMIN), PASSWORD))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> users.create("carol", Set.of(), PASSWORD))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void reportsEveryAccessChangeForTheAuditLogWithoutSecrets() {
    Granted g = login();
    sessions.login("ada", "not the password at all", "10.0.0.1");
    users.changeRoles("ada", Set.of(ConsoleRole.ADMIN));
    users.changePassword("ada", "another long passphrase");
    users.setEnabled("ada", false);
    sessions.logout(g.token());
    users.delete("ada");

    assertThat(audited).containsExactly(
        new AccessChange.UserCreated("ada", Set.of(ConsoleRole.MARKETER)),
        new AccessChange.SignedIn("ada"),
        new AccessChange.SignInRefused("ada", false),
        new AccessChange.RolesChanged("ada", Set.of(ConsoleRole.MARKETER), Set.of(ConsoleRole.ADMIN)),
        new AccessChange.PasswordChanged("ada"),
        new AccessChange.UserEnabled("ada", false),
        new AccessChange.UserDeleted("ada"));
    assertThat(audited.toString()).doesNotContain(PASSWORD, "another long", g.token(), "argon2");
  }

  @Test
  void purgesExpiredSessions() {
    login();
    login();
    clock.advance(Duration.ofHours(1));

    assertThat(sessions.purgeExpired()).isEqualTo(2);
  }
}
