package io.shopsense.lake;

import static org.assertj.core.api.Assertions.assertThat;

import io.shopsense.api.collect.StoredEvent;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 200,000 events through the writer the way the pipeline drives it: a sanity check of memory and speed. */
class LakeVolumeTest {
  private static final int EVENTS = 200_000;
  private static final int BATCH = 1_000;

  @TempDir
  Path lake;

  @Test
  void writesTwoHundredThousandEventsExactlyOnce() throws Exception {
    TestClock clock = new TestClock(Instant.parse("2024-09-01T00:00:00Z"));
    EventMix mix = new EventMix(Instant.parse("2024-08-01T00:00:00Z"), 20, EVENTS);
    LakeSettings settings = LakeSettings.defaults(lake).withFlushEvents(30_000).withCompactMinFiles(3)
        .withDuckDb("256MB", 2);
    long started = System.nanoTime();
    long writeNanos = 0;
    long durable = 0;
    try (LakeWriter writer = new LakeWriter(settings, 0, clock)) {
      for (int handed = 0; handed < EVENTS; handed += BATCH) {
        List<StoredEvent> batch = mix.next(BATCH);
        long t = System.nanoTime();
        durable = writer.process(batch);
        writeNanos += System.nanoTime() - t;
        assertThat(durable).isLessThanOrEqualTo(handed + BATCH);
        clock.advance(Duration.ofMillis(20));
      }
      clock.advance(Duration.ofSeconds(5));
      durable = writer.idle(EVENTS);
      writer.idle(EVENTS); // the pipeline committed: compaction of the last days may run
    }
    long total = System.nanoTime() - started;
    assertThat(durable).isEqualTo(EVENTS);

    assertThat(LakeFiles.count(lake, "SELECT count(*) FROM events")).isEqualTo(EVENTS);
    assertThat(LakeFiles.count(lake, "SELECT count(DISTINCT seq) FROM events")).isEqualTo(EVENTS);
    assertThat(LakeFiles.count(lake, "SELECT count(DISTINCT message_id) FROM events")).isEqualTo(EVENTS);
    assertThat(LakeFiles.count(lake, "SELECT count(*) FROM lines")).isEqualTo(mix.lines());
    assertThat(LakeFiles.count(lake, "SELECT count(*) FROM events WHERE event = 'Order Completed'"))
        .isEqualTo(mix.orders());
    assertThat(LakeFiles.count(lake,
        "SELECT count(*) FROM events WHERE event_date <> CAST(\"timestamp\" AS DATE)")).isZero();
    int files = LakeFiles.names(lake, LakeTable.EVENTS).size();
    Runtime rt = Runtime.getRuntime();
    System.out.printf("lake volume: %,d events, writer %.0f events/s (%,d ms in process/idle, %,d ms in all "
        + "with event generation), %d events files, heap used %,d MB of %,d MB%n", EVENTS,
        EVENTS / (writeNanos / 1e9), writeNanos / 1_000_000, total / 1_000_000, files,
        (rt.totalMemory() - rt.freeMemory()) >> 20, rt.maxMemory() >> 20);
  }
}
