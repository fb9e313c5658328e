package io.shopsense.lake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.shopsense.api.collect.StoredEvent;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LakeCompactorTest {
  private static final LocalDate DAY = LocalDate.of(2024, 6, 1);
  private static final Instant NOON = Instant.parse("2024-06-01T12:00:00Z");

  @TempDir
  Path lake;

  private final TestEvents events = new TestEvents();
  private final TestClock clock = new TestClock(Instant.parse("2024-06-02T00:00:00Z"));

  private LakeSettings settings(int compactMinFiles) {
    return LakeSettings.defaults(lake).withFlushEvents(5).withFlushInterval(Duration.ofHours(1))
        .withCompactMinFiles(compactMinFiles).withDuckDb("256MB", 1);
  }

  /** Five events per batch, in falling time order so that only sorting puts them right. */
  private List<StoredEvent> batch(int index) {
    List<StoredEvent> batch = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      Instant at = NOON.minusSeconds(index * 10L + i);
      batch.add(i == 2 ? events.order("u" + i, "o" + index, at) : events.productViewed("u" + i, "p" + i, at));
    }
    return batch;
  }

  @Test
  void theWriterCompactsADayOnceItHasEnoughCommittedFiles() throws Exception {
    List<StoredEvent> all = new ArrayList<>();
    try (LakeWriter writer = new LakeWriter(settings(3), 0, clock)) {
      for (int i = 0; i < 3; i++) {
        List<StoredEvent> b = batch(i);
        all.addAll(b);
        assertThat(writer.process(b)).isEqualTo(5L * (i + 1));
      }
      assertThat(LakeFiles.names(lake, LakeTable.EVENTS)).as("the third file is not committed yet").hasSize(3);
      writer.idle(15); // the pipeline committed 15 and calls again
      assertThat(LakeFiles.names(lake, LakeTable.EVENTS)).as("the inputs stay for readers in flight").hasSize(4)
          .contains("events/event_date=2024-06-01/part-00000000000000000001-00000000000000000015.parquet");
      assertThat(LakeFiles.count(lake, "SELECT count(*) FROM events")).as("readers skip the merged inputs")
          .isEqualTo(15);
      clock.advance(LakeCompactor.GRACE);
      writer.idle(15);
      assertThat(LakeFiles.names(lake, LakeTable.EVENTS)).containsExactly(
          "events/event_date=2024-06-01/part-00000000000000000001-00000000000000000015.parquet");
      assertThat(LakeFiles.names(lake, LakeTable.LINES)).containsExactly(
          "lines/event_date=2024-06-01/part-00000000000000000001-00000000000000000015.parquet");
    }
    List<Object> expected = all.stream()
        .sorted(Comparator.comparing((StoredEvent e) -> e.envelope().timestamp()).thenComparingLong(StoredEvent::seq))
        .map(e -> (Object) e.seq()).toList();
    Path merged = lake.resolve(LakeFiles.names(lake, LakeTable.EVENTS).get(0));
    assertThat(LakeFiles.rowsInFileOrder(merged, "seq").stream().map(r -> r.get(0)).toList())
        .containsExactlyElementsOf(expected);
    assertThat(LakeFiles.columnsOf(merged))
        .containsExactlyElementsOf(LakeTable.EVENTS.columns().stream().map(LakeTable.Column::name).toList());
    assertThat(LakeFiles.count(lake, "SELECT count(*) FROM lines")).as("a line per view, two per order").isEqualTo(18);
  }

  @Test
  void mergesOnlyCommittedFiles() throws Exception {
    try (LakeWriter writer = new LakeWriter(settings(100), 0, clock)) {
      for (int i = 0; i < 4; i++) {
        writer.process(batch(i));
      }
    }
    try (LakeCompactor compactor = LakeCompactor.open(settings(100))) {
      List<LakeCompactor.Compaction> done = compactor.compact(DAY, 15);
      assertThat(done).containsExactly(new LakeCompactor.Compaction("events", DAY, 3, 1, 15, 15),
          new LakeCompactor.Compaction("lines", DAY, 3, 1, 15, 18));
    }
    assertThat(LakeFiles.names(lake, LakeTable.EVENTS)).containsExactly(
        "events/event_date=2024-06-01/part-00000000000000000001-00000000000000000015.parquet",
        "events/event_date=2024-06-01/part-00000000000000000016-00000000000000000020.parquet");
    assertThat(LakeFiles.count(lake, "SELECT count(DISTINCT seq) FROM events")).isEqualTo(20);
  }

  @Test
  void compactsEveryDayAndLeavesSingleFilesAlone() throws Exception {
    try (LakeWriter writer = new LakeWriter(settings(100), 0, clock)) {
      writer.process(batch(0));
      writer.process(batch(1));
      writer.process(List.of(events.productViewed("u", "p", NOON.minus(Duration.ofDays(3))),
          events.productViewed("u", "p", NOON.minus(Duration.ofDays(3))), events.productViewed("u", "p", NOON),
          events.productViewed("u", "p", NOON), events.productViewed("u", "p", NOON.minus(Duration.ofDays(2)))));
      writer.process(List.of(events.productViewed("u", "p", NOON.minus(Duration.ofDays(3))),
          events.productViewed("u", "p", NOON), events.productViewed("u", "p", NOON),
          events.productViewed("u", "p", NOON), events.productViewed("u", "p", NOON)));
    }
    try (LakeCompactor compactor = LakeCompactor.open(settings(100))) {
      assertThat(compactor.compactAll(20)).extracting(LakeCompactor.Compaction::table,
          LakeCompactor.Compaction::day, LakeCompactor.Compaction::inputFiles).containsExactly(
          tuple("events", LocalDate.of(2024, 5, 29), 2), tuple("lines", LocalDate.of(2024, 5, 29), 2),
          tuple("events", DAY, 4), tuple("lines", DAY, 4));
      assertThat(compactor.compactAll(20)).as("nothing left to merge").isEmpty();
    }
    assertThat(LakeFiles.names(lake, LakeTable.EVENTS)).containsExactly(
        "events/event_date=2024-05-29/part-00000000000000000011-00000000000000000020.parquet",
        "events/event_date=2024-05-30/part-00000000000000000011-00000000000000000015.parquet",
        "events/event_date=2024-06-01/part-00000000000000000001-00000000000000000020.parquet");
    assertThat(LakeFiles.count(lake, "SELECT count(DISTINCT seq) FROM events")).isEqualTo(20);
  }
}
