package io.shopsense.core.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shopsense.api.collect.QualityCount;
import io.shopsense.api.collect.QualityCounters;
import io.shopsense.api.collect.QualityMetric;
import io.shopsense.api.id.SourceId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BufferedQualityCountersTest {
  static final LocalDate DAY = LocalDate.of(2026, 11, 20);
  static final SourceId WEB = SourceId.of("web");

  /** A store that records each write, as the real ones sum them. */
  static final class RecordingStore implements QualityCounters {
    final List<List<QualityCount>> writes = new ArrayList<>();
    boolean failNext;

    @Override
    public void add(List<QualityCount> counts) {
      if (failNext) {
        failNext = false;
        throw new IllegalStateException("store down");
      }
      writes.add(List.copyOf(counts));
    }

    @Override
    public List<QualityCount> between(LocalDate from, LocalDate to) {
      List<QualityCount> all = new ArrayList<>();
      writes.forEach(all::addAll);
      return all;
    }
  }

  static final class MovableClock extends Clock {
    Instant now = Instant.parse("2026-11-20T10:00:00Z");

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  static QualityCount accepted(long n) {
    return new QualityCount(DAY, WEB, QualityMetric.ACCEPTED, n);
  }

  @Test
  void writesTheSumOfManyCallsOncePerInterval() {
    RecordingStore store = new RecordingStore();
    MovableClock clock = new MovableClock();
    BufferedQualityCounters counters = new BufferedQualityCounters(store, clock, Duration.ofSeconds(1));

    counters.add(List.of(accepted(3)));
    counters.add(List.of(accepted(4), new QualityCount(DAY, WEB, QualityMetric.DUPLICATE, 1)));
    assertThat(store.writes).isEmpty();
    clock.now = clock.now.plusSeconds(1);
    counters.add(List.of(accepted(1)));

    assertThat(store.writes).hasSize(1);
    assertThat(store.writes.get(0)).containsExactly(accepted(8), new QualityCount(DAY, WEB, QualityMetric.DUPLICATE,
        1));
  }

  @Test
  void readingFlushesSoTheReportIsExact() {
    RecordingStore store = new RecordingStore();
    BufferedQualityCounters counters = new BufferedQualityCounters(store, new MovableClock(), Duration.ofHours(1));

    counters.add(List.of(accepted(5)));

    assertThat(counters.between(DAY, DAY)).containsExactly(accepted(5));
  }

  @Test
  void keepsTheCountsWhenTheStoreFails() {
    RecordingStore store = new RecordingStore();
    BufferedQualityCounters counters = new BufferedQualityCounters(store, new MovableClock(), Duration.ofHours(1));
    counters.add(List.of(accepted(2)));
    store.failNext = true;

    assertThatThrownBy(counters::flush).hasMessage("store down");
    counters.close();

    assertThat(store.between(DAY, DAY)).containsExactly(accepted(2));
  }
}
