package io.shopsense.lake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shopsense.api.collect.StoredEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LakeRecoveryTest {
  private static final Instant DAY_1 = Instant.parse("2024-05-01T09:00:00Z");
  private static final Instant DAY_2 = Instant.parse("2024-05-02T09:00:00Z");

  @TempDir
  Path lake;

  private final TestClock clock = new TestClock(Instant.parse("2024-05-03T00:00:00Z"));

  private LakeSettings settings(int flushEvents) {
    return LakeSettings.defaults(lake).withFlushEvents(flushEvents).withFlushInterval(Duration.ofHours(1))
        .withCompactMinFiles(100).withDuckDb("256MB", 1);
  }

  /** 30 events over two days, each third an order with two lines. */
  private static List<StoredEvent> log() {
    TestEvents events = new TestEvents();
    List<StoredEvent> log = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      Instant at = (i % 2 == 0 ? DAY_1 : DAY_2).plusSeconds(i);
      log.add(i % 3 == 0 ? events.order("u" + i, "o" + i, at) : events.productViewed("u" + i, "p" + i, at));
    }
    return log;
  }

  @Test
  void deletesFilesWrittenAfterTheCommittedOffsetAndTheReplayWritesEachEventOnce() throws Exception {
    List<StoredEvent> log = log();
    LakeWriter first = new LakeWriter(settings(10), 0, clock);
    assertThat(first.process(log.subList(0, 10))).isEqualTo(10);
    // the pipeline commits 10, then the process dies after flushing 11-20 and 21-30 but before committing them
    assertThat(first.process(log.subList(10, 30))).isEqualTo(30);
    first.close();
    Path partition = lake.resolve("events/event_date=2024-05-01");
    Files.writeString(partition.resolve(".part-00000000000000000031-00000000000000000040.parquet.tmp"), "half");
    assertThat(LakeFiles.names(lake, LakeTable.EVENTS)).hasSize(6);

    try (LakeWriter second = new LakeWriter(settings(10), 10, clock)) {
      assertThat(LakeFiles.everything(lake)).containsExactly(".writer.lock",
          "events/event_date=2024-05-01/part-00000000000000000001-00000000000000000010.parquet",
          "events/event_date=2024-05-02/part-00000000000000000001-00000000000000000010.parquet",
          "lines/event_date=2024-05-01/part-00000000000000000001-00000000000000000010.parquet",
          "lines/event_date=2024-05-02/part-00000000000000000001-00000000000000000010.parquet");
      // the pipeline hands over everything after its committed offset again, in other batches
      assertThat(second.process(log.subList(10, 25))).isEqualTo(20);
      assertThat(second.process(log.subList(25, 30))).isEqualTo(30);
    }

    assertThat(LakeFiles.count(lake, "SELECT count(*) FROM events")).isEqualTo(30);
    assertThat(LakeFiles.count(lake, "SELECT count(DISTINCT seq) FROM events")).isEqualTo(30);
    assertThat(LakeFiles.count(lake, "SELECT count(DISTINCT message_id) FROM events")).isEqualTo(30);
    assertThat(LakeFiles.count(lake, "SELECT count(*) FROM lines")).as("a line per view, two per order").isEqualTo(40);
    assertThat(LakeFiles.count(lake, "SELECT count(DISTINCT (seq, line_index)) FROM lines")).as("a line per view, two per order").isEqualTo(40);
  }

  @Test
  void aFlushThatFailsHalfWayLeavesNoFileBehindForTheRetry() throws Exception {
    List<StoredEvent> log = log();
    try (LakeWriter writer = new LakeWriter(settings(10), 0, clock)) {
      assertThat(writer.process(log.subList(0, 10))).isEqualTo(10);
      assertThat(writer.idle(10)).isEqualTo(10);
      // a flush of 11-20 that installed one file and then failed: the pipeline resets and replays
      Path stray = lake.resolve("events/event_date=2024-05-01/part-00000000000000000011-00000000000000000020.parquet");
      Files.copy(lake.resolve("events/event_date=2024-05-01/part-00000000000000000001-00000000000000000010.parquet"),
          stray);
      writer.reset();
      assertThat(writer.process(log.subList(10, 30))).isEqualTo(30);
    }
    assertThat(LakeFiles.count(lake, "SELECT count(*) FROM events")).isEqualTo(30);
    assertThat(LakeFiles.count(lake, "SELECT count(DISTINCT seq) FROM events")).isEqualTo(30);
  }

  @Test
  void resolvesACompactionInterruptedBeforeItDeletedItsInputs() throws Exception {
    List<StoredEvent> log = log();
    try (LakeWriter writer = new LakeWriter(settings(10), 0, clock)) {
      writer.process(log.subList(0, 10));
      writer.process(log.subList(10, 20));
      writer.process(log.subList(20, 30));
      writer.idle(30);
    }
    Path partition = lake.resolve("events/event_date=2024-05-01");
    List<Path> inputs = new LakeDirectory(lake).files(LakeTable.EVENTS, LocalDate.of(2024, 5, 1)).stream()
        .map(LakeFile::path).toList();
    assertThat(inputs).hasSize(3);
    Path aside = Files.createDirectory(lake.resolveSibling(lake.getFileName() + "-aside"));
    for (Path p : inputs) {
      Files.copy(p, aside.resolve(p.getFileName()));
    }
    try (LakeCompactor compactor = LakeCompactor.open(settings(10))) {
      assertThat(compactor.compact(LocalDate.of(2024, 5, 1), 30)).hasSize(2);
    }
    // the crash: the output is installed, the inputs are back as if never deleted
    for (Path p : inputs) {
      Files.copy(aside.resolve(p.getFileName()), p, StandardCopyOption.REPLACE_EXISTING);
    }
    assertThat(LakeFiles.names(lake, LakeTable.EVENTS).stream().filter(n -> n.contains("2024-05-01"))).hasSize(4);
    assertThat(LakeFiles.count(lake, "SELECT count(*) FROM events"))
        .as("readers skip superseded inputs").isEqualTo(30);

    new LakeWriter(settings(10), 30, clock).close();

    assertThat(LakeFiles.names(lake, LakeTable.EVENTS)).contains(
        "events/event_date=2024-05-01/part-00000000000000000001-00000000000000000030.parquet");
    assertThat(Files.list(partition).count()).isEqualTo(1);
    assertThat(LakeFiles.count(lake, "SELECT count(*) FROM events")).isEqualTo(30);
    assertThat(LakeFiles.count(lake, "SELECT count(DISTINCT seq) FROM events")).isEqualTo(30);
  }

  @Test
  void refusesASecondWriterWhileTheFirstHoldsTheLake() {
    LakeWriter first = new LakeWriter(settings(10), 0, clock);
    try {
      assertThatThrownBy(() -> new LakeWriter(settings(10), 0, clock))
          .isInstanceOf(IllegalStateException.class).hasMessageContaining("already being written");
      assertThatThrownBy(() -> LakeCompactor.open(settings(10)))
          .isInstanceOf(IllegalStateException.class).hasMessageContaining("already being written");
    } finally {
      first.close();
    }
    new LakeWriter(settings(10), 0, clock).close();
  }

  @Test
  void refusesCallsAfterClose() {
    LakeWriter writer = new LakeWriter(settings(10), 0, clock);
    writer.close();
    writer.close();
    assertThatThrownBy(() -> writer.process(log().subList(0, 1))).isInstanceOf(IllegalStateException.class);
  }
}
