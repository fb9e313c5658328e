package io.shopsense.store.contract;

import static io.shopsense.api.collect.QualityMetric.ACCEPTED;
import static io.shopsense.api.collect.QualityMetric.DUPLICATE;
import static io.shopsense.api.collect.QualityMetric.HISTORICAL;
import static io.shopsense.api.collect.QualityMetric.LATE;
import static org.assertj.core.api.Assertions.assertThat;

import io.shopsense.api.collect.QualityCount;
import io.shopsense.api.collect.QualityCounters;
import io.shopsense.api.collect.QualityMetric;
import io.shopsense.api.id.SourceId;
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
 * The contract of {@link QualityCounters}. {@link #open()} gives the port over the backend's storage for this test
 * (empty at the first call of a test, the same storage at later calls); {@link #close()} closes what it opened and
 * may be called twice; {@link #reopen()} is a restart.
 *
 * <p>Decided here, where the port leaves it open: counts of one key within one call are summed; totals come ordered
 * by day, then source, then metric name.
 */
public abstract class QualityCountersContract {
  protected static final LocalDate DAY1 = LocalDate.parse("2026-03-01");
  protected static final LocalDate DAY2 = LocalDate.parse("2026-03-02");
  protected static final LocalDate DAY3 = LocalDate.parse("2026-03-03");
  protected static final SourceId WEB = SourceId.of("web");
  protected static final SourceId APP = SourceId.of("app");

  protected QualityCounters counters;

  protected abstract QualityCounters open() throws Exception;

  protected abstract void close() throws Exception;

  protected QualityCounters reopen() throws Exception {
    close();
    return open();
  }

  @BeforeEach
  void openCounters() throws Exception {
    counters = open();
  }

  @AfterEach
  void closeCounters() throws Exception {
    close();
  }

  protected static QualityCount count(LocalDate day, SourceId source, QualityMetric metric, long n) {
    return new QualityCount(day, source, metric, n);
  }

  @Test
  void nothingCountedIsEmpty() {
    counters.add(List.of());

    assertThat(counters.between(DAY1, DAY3)).isEmpty();
  }

  @Test
  void addsEachCountToItsStoredTotal() {
    counters.add(List.of(count(DAY1, WEB, ACCEPTED, 10), count(DAY1, WEB, DUPLICATE, 2)));
    counters.add(List.of(count(DAY1, WEB, ACCEPTED, 5)));

    assertThat(counters.between(DAY1, DAY1)).containsExactly(count(DAY1, WEB, ACCEPTED, 15),
        count(DAY1, WEB, DUPLICATE, 2));
  }

  @Test
  void sumsCountsOfOneKeyWithinOneCall() {
    counters.add(List.of(count(DAY1, WEB, LATE, 1), count(DAY1, WEB, LATE, 2), count(DAY1, WEB, LATE, 3)));

    assertThat(counters.between(DAY1, DAY1)).containsExactly(count(DAY1, WEB, LATE, 6));
  }

  @Test
  void keepsDaysSourcesAndMetricsApartInThatOrder() {
    counters.add(List.of(
        count(DAY2, WEB, ACCEPTED, 1),
        count(DAY1, WEB, HISTORICAL, 2),
        count(DAY1, APP, ACCEPTED, 3),
        count(DAY1, WEB, ACCEPTED, 4),
        count(DAY2, APP, DUPLICATE, 5)));

    assertThat(counters.between(DAY1, DAY2)).containsExactly(
        count(DAY1, APP, ACCEPTED, 3),
        count(DAY1, WEB, ACCEPTED, 4),
        count(DAY1, WEB, HISTORICAL, 2),
        count(DAY2, APP, DUPLICATE, 5),
        count(DAY2, WEB, ACCEPTED, 1));
  }

  @Test
  void returnsOnlyTheDaysOfTheInclusiveRange() {
    counters.add(List.of(count(DAY1, WEB, ACCEPTED, 1), count(DAY2, WEB, ACCEPTED, 2), count(DAY3, WEB, ACCEPTED, 3)));

    assertThat(counters.between(DAY2, DAY2)).containsExactly(count(DAY2, WEB, ACCEPTED, 2));
    assertThat(counters.between(DAY2, DAY3)).extracting(QualityCount::count).containsExactly(2L, 3L);
    assertThat(counters.between(DAY3.plusDays(1), DAY3.plusDays(30))).isEmpty();
  }

  @Test
  void concurrentAddsToOneTotalAllCount() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        futures.add(pool.submit(() -> {
          for (int i = 0; i < 25; i++) {
            counters.add(List.of(count(DAY1, WEB, ACCEPTED, 2), count(DAY1, WEB, DUPLICATE, 1)));
          }
        }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(counters.between(DAY1, DAY1)).containsExactly(count(DAY1, WEB, ACCEPTED, 400),
        count(DAY1, WEB, DUPLICATE, 200));
  }

  @Test
  void keepsTotalsAcrossARestart() throws Exception {
    counters.add(List.of(count(DAY1, WEB, ACCEPTED, 7)));

    counters = reopen();
    counters.add(List.of(count(DAY1, WEB, ACCEPTED, 3)));

    assertThat(counters.between(DAY1, DAY1)).containsExactly(count(DAY1, WEB, ACCEPTED, 10));
  }
}
