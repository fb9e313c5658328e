package io.shopsense.store.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shopsense.api.access.ConsoleSession;
import io.shopsense.api.access.ConsoleSessions;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link ConsoleSessions}. {@link #open()} gives the port over the backend's storage for this test
 * (empty at the first call of a test, the same storage at later calls); {@link #reopen()} is a restart.
 *
 * <p>Decided here: a token hash belongs to one session ({@link IllegalArgumentException}); {@code find} returns
 * expired sessions too; {@code touch} never moves the idle expiry backwards; {@code purgeExpired} removes a session
 * once either expiry is reached.
 */
public abstract class ConsoleSessionsContract {
  protected static final Instant T0 = Envelopes.T0;

  protected ConsoleSessions sessions;

  protected abstract ConsoleSessions open() throws Exception;

  protected abstract void close() throws Exception;

  protected ConsoleSessions reopen() throws Exception {
    close();
    return open();
  }

  @BeforeEach
  void openSessions() throws Exception {
    sessions = open();
  }

  @AfterEach
  void closeSessions() throws Exception {
    close();
  }

  /** A session of {@code user} made at T0, idle after 30 min, over after 8 h. */
  protected static ConsoleSession session(String hash, String user) {
    return new ConsoleSession(hash, user, T0, T0, T0.plusSeconds(1800), T0.plusSeconds(8 * 3600));
  }

  @Test
  void findsACreatedSessionByItsHash() {
    ConsoleSession s = session("h1", "ada");

    sessions.create(s);

    assertThat(sessions.find("h1")).contains(s);
    assertThat(sessions.find("h2")).isEmpty();
  }

  @Test
  void aTokenHashBelongsToOneSessionOnly() {
    sessions.create(session("h1", "ada"));

    assertThatThrownBy(() -> sessions.create(session("h1", "bob"))).isInstanceOf(IllegalArgumentException.class);
    assertThat(sessions.find("h1").orElseThrow().username()).isEqualTo("ada");
  }

  @Test
  void touchMovesTheIdleExpiryForwardOnly() {
    sessions.create(session("h1", "ada"));

    sessions.touch("h1", T0.plusSeconds(600), T0.plusSeconds(2400));
    sessions.touch("h1", T0.plusSeconds(300), T0.plusSeconds(2100));
    sessions.touch("unknown", T0.plusSeconds(300), T0.plusSeconds(2100));

    ConsoleSession s = sessions.find("h1").orElseThrow();
    assertThat(s.lastSeenAt()).isEqualTo(T0.plusSeconds(600));
    assertThat(s.idleExpiresAt()).isEqualTo(T0.plusSeconds(2400));
    assertThat(s.expiresAt()).isEqualTo(T0.plusSeconds(8 * 3600));
  }

  @Test
  void deletesOneSessionOrEverySessionOfAUser() {
    sessions.create(session("h1", "ada"));
    sessions.create(session("h2", "ada"));
    sessions.create(session("h3", "bob"));

    assertThat(sessions.delete("h1")).isTrue();
    assertThat(sessions.delete("h1")).isFalse();
    assertThat(sessions.deleteFor("ada")).isEqualTo(1);

    assertThat(sessions.find("h2")).isEmpty();
    assertThat(sessions.find("h3")).isPresent();
  }

  @Test
  void purgesSessionsOverByIdleOrAbsoluteTimeout() {
    sessions.create(session("idle", "ada"));
    sessions.create(session("busy", "ada"));
    sessions.touch("busy", T0.plusSeconds(8 * 3600 - 60), T0.plusSeconds(8 * 3600 + 1740));
    sessions.create(new ConsoleSession("fresh", "bob", T0.plusSeconds(7200), T0.plusSeconds(7200),
        T0.plusSeconds(9000), T0.plusSeconds(12 * 3600)));

    assertThat(sessions.purgeExpired(T0.plusSeconds(1800))).isEqualTo(1);
    assertThat(sessions.find("busy")).isPresent();
    assertThat(sessions.purgeExpired(T0.plusSeconds(8 * 3600))).isEqualTo(2); // busy at its absolute end, fresh idle
    assertThat(sessions.purgeExpired(T0.plusSeconds(8 * 3600))).isZero();

    assertThat(sessions.find("idle")).isEmpty();
    assertThat(sessions.find("busy")).isEmpty();
    assertThat(sessions.find("fresh")).isEmpty();
  }

  @Test
  void keepsSessionsAcrossARestart() throws Exception {
    ConsoleSession s = session("h1", "ada");
    sessions.create(s);

    sessions = reopen();

    assertThat(sessions.find("h1")).contains(s);
  }
}
