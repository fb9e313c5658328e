package io.shopsense.store.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shopsense.api.id.PersonId;
import io.shopsense.api.privacy.Purpose;
import io.shopsense.api.privacy.UsageCount;
import io.shopsense.api.privacy.UsageKind;
import io.shopsense.api.privacy.UsageLog;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link UsageLog}. {@link #open()} gives the port over this test's storage (empty at the first
 * call), {@link #close()} closes it, {@link #reopen()} restarts.
 */
public abstract class UsageLogContract {
  private static final PersonId ANN = PersonId.of("p-ann");
  private static final PersonId BOB = PersonId.of("p-bob");
  private static final LocalDate DAY = LocalDate.of(2026, 3, 1);
  protected UsageLog usage;

  protected abstract UsageLog open() throws Exception;

  protected abstract void close() throws Exception;

  protected UsageLog reopen() throws Exception {
    close();
    return open();
  }

  @BeforeEach
  void openLog() throws Exception {
    usage = open();
  }

  @AfterEach
  void closeLog() throws Exception {
    close();
  }

  @Test
  void aPersonWithoutUsageHasAnEmptyLog() {
    assertThat(usage.of(ANN)).isEmpty();
  }

  @Test
  void addsCountsOfTheSameDayPurposeAndKind() {
    usage.record(ANN, Instant.parse("2026-03-01T08:00:00Z"), Purpose.PERSONALISATION,
        UsageKind.RECOMMENDATIONS_SERVED, 3);
    usage.record(ANN, Instant.parse("2026-03-01T20:00:00Z"), Purpose.PERSONALISATION,
        UsageKind.RECOMMENDATIONS_SERVED, 2);
    usage.record(ANN, Instant.parse("2026-03-01T20:00:00Z"), Purpose.MARKETING_EMAIL, UsageKind.MESSAGE_SENT, 1);

    assertThat(usage.of(ANN)).containsExactly(
        new UsageCount(ANN, DAY, Purpose.PERSONALISATION, UsageKind.RECOMMENDATIONS_SERVED, 5),
        new UsageCount(ANN, DAY, Purpose.MARKETING_EMAIL, UsageKind.MESSAGE_SENT, 1));
  }

  @Test
  void countsByUtcDayNewestFirst() {
    usage.record(ANN, Instant.parse("2026-03-01T23:59:59.999Z"), Purpose.PERSONALISATION,
        UsageKind.SEGMENT_ENTERED, 1);
    usage.record(ANN, Instant.parse("2026-03-02T00:00:00Z"), Purpose.PERSONALISATION, UsageKind.SEGMENT_ENTERED, 1);

    assertThat(usage.of(ANN)).extracting(UsageCount::day).containsExactly(DAY.plusDays(1), DAY);
  }

  @Test
  void recordsABatchMergingItsRepeatsAndKeepsPersonsApart() {
    usage.recordAll(List.of(
        new UsageCount(ANN, DAY, Purpose.PERSONALISATION, UsageKind.SEGMENT_ENTERED, 1),
        new UsageCount(BOB, DAY, Purpose.PERSONALISATION, UsageKind.SEGMENT_ENTERED, 1),
        new UsageCount(ANN, DAY, Purpose.PERSONALISATION, UsageKind.SEGMENT_ENTERED, 1)));

    assertThat(usage.of(ANN)).containsExactly(
        new UsageCount(ANN, DAY, Purpose.PERSONALISATION, UsageKind.SEGMENT_ENTERED, 2));
    assertThat(usage.of(BOB)).containsExactly(
        new UsageCount(BOB, DAY, Purpose.PERSONALISATION, UsageKind.SEGMENT_ENTERED, 1));
  }

  @Test
  void eraseDeletesOnlyThatPersonsLog() {
    usage.record(ANN, Instant.parse("2026-03-01T08:00:00Z"), Purpose.ANALYTICS, UsageKind.DATA_SHARED, 1);
    usage.record(ANN, Instant.parse("2026-03-02T08:00:00Z"), Purpose.ANALYTICS, UsageKind.DATA_SHARED, 1);
    usage.record(BOB, Instant.parse("2026-03-01T08:00:00Z"), Purpose.ANALYTICS, UsageKind.DATA_SHARED, 1);

    assertThat(usage.erase(ANN)).isEqualTo(2);

    assertThat(usage.of(ANN)).isEmpty();
    assertThat(usage.of(BOB)).hasSize(1);
    assertThat(usage.erase(ANN)).isZero();
  }

  @Test
  void refusesCountsThatAreNotPositive() {
    assertThatThrownBy(() -> usage.record(ANN, Instant.parse("2026-03-01T08:00:00Z"), Purpose.ANALYTICS,
        UsageKind.DATA_SHARED, 0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void concurrentRecordsOfTheSameRowAllCount() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        futures.add(pool.submit(() -> {
          for (int i = 0; i < 25; i++) {
            usage.record(ANN, Instant.parse("2026-03-01T08:00:00Z"), Purpose.MARKETING_PUSH, UsageKind.MESSAGE_SENT,
                1);
          }
        }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(usage.of(ANN)).containsExactly(
        new UsageCount(ANN, DAY, Purpose.MARKETING_PUSH, UsageKind.MESSAGE_SENT, 100));
  }

  @Test
  void keepsTheLogAcrossARestart() throws Exception {
    usage.record(ANN, Instant.parse("2026-03-01T08:00:00Z"), Purpose.MARKETING_SMS, UsageKind.MESSAGE_SENT, 7);

    usage = reopen();

    assertThat(usage.of(ANN)).containsExactly(
        new UsageCount(ANN, DAY, Purpose.MARKETING_SMS, UsageKind.MESSAGE_SENT, 7));
  }
}
