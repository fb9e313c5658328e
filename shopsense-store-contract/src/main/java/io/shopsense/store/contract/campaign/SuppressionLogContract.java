package io.shopsense.store.contract.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shopsense.api.campaign.MessageSuppressed;
import io.shopsense.api.campaign.SuppressionLog;
import io.shopsense.api.id.PersonId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The contract of {@link SuppressionLog}; {@link #open()}, {@link #close()} and {@link #reopen()} as elsewhere. */
public abstract class SuppressionLogContract {
  protected static final Instant T0 = Instant.parse("2026-11-23T12:00:00.000001Z");
  protected static final PersonId ANN = PersonId.of("person-ann");
  protected static final PersonId BOB = PersonId.of("person-bob");

  protected SuppressionLog log;

  protected abstract SuppressionLog open() throws Exception;

  protected abstract void close() throws Exception;

  protected SuppressionLog reopen() throws Exception {
    close();
    return open();
  }

  @BeforeEach
  void openLog() throws Exception {
    log = open();
  }

  @AfterEach
  void closeLog() throws Exception {
    close();
  }

  private static MessageSuppressed dropped(PersonId p, String key, String rule, long second) {
    return new MessageSuppressed(p, key, rule, rule + " reason", T0.plusSeconds(second), Optional.empty());
  }

  @Test
  void keepsEverySuppressionNewestFirst() throws Exception {
    MessageSuppressed held = new MessageSuppressed(ANN, "k2", "quiet_hours", "quiet hours 21:00-08:00",
        T0.plusSeconds(1), Optional.of(T0.plusSeconds(36_000)));
    log.append(List.of(dropped(ANN, "k1", "frequency_cap", 0), held, dropped(BOB, "k3", "consent", 2)));
    log.append(List.of(held)); // checked again later: recorded again
    log = reopen();

    assertThat(log.of(ANN, 10)).containsExactly(held, held, dropped(ANN, "k1", "frequency_cap", 0));
    assertThat(log.of(ANN, 1)).containsExactly(held);
    assertThatThrownBy(() -> log.of(ANN, 0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void countsByRuleInARange() {
    log.append(List.of(dropped(ANN, "k1", "frequency_cap", 0), dropped(BOB, "k2", "frequency_cap", 10),
        dropped(BOB, "k3", "consent", 20), dropped(BOB, "k4", "consent", 30)));

    assertThat(log.countByRule(T0, T0.plusSeconds(30))).isEqualTo(Map.of("frequency_cap", 2L, "consent", 1L));
  }

  @Test
  void cutsAnOverlongReason() {
    log.append(List.of(new MessageSuppressed(ANN, "k1", "consent", "x".repeat(5_000), T0, Optional.empty())));

    assertThat(log.of(ANN, 1).get(0).reason()).hasSize(2_000).endsWith("...");
  }

  @Test
  void erasesAPersonsSuppressions() {
    log.append(List.of(dropped(ANN, "k1", "consent", 0), dropped(BOB, "k2", "consent", 0)));

    assertThat(log.erase(List.of(ANN))).isOne();
    assertThat(log.of(ANN, 10)).isEmpty();
    assertThat(log.of(BOB, 10)).hasSize(1);
  }
}
