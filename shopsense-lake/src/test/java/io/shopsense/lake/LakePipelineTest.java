package io.shopsense.lake;

import static org.assertj.core.api.Assertions.assertThat;

import io.shopsense.api.collect.ConsumerOffsets;
import io.shopsense.core.pipeline.Pipeline;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The writer driven by the real pipeline, with a commit that fails once and a restart from the committed offset. */
class LakePipelineTest {
  @TempDir
  Path lake;

  /** Offsets in memory; the commit with the given number (1-based) fails once. */
  private static final class FlakyOffsets implements ConsumerOffsets {
    final Map<String, Long> committed = new ConcurrentHashMap<>();
    final AtomicInteger commits = new AtomicInteger();
    final int failing;

    FlakyOffsets(int failing) {
      this.failing = failing;
    }

    @Override
    public long get(String consumer) {
      return committed.getOrDefault(consumer, 0L);
    }

    @Override
    public void commit(String consumer, long seq) {
      if (commits.incrementAndGet() == failing) {
        throw new IllegalStateException("offset store unavailable (test)");
      }
      committed.put(consumer, seq);
    }
  }

  @Test
  void writesEveryEventOnceThroughFailuresAndARestart() throws Exception {
    LakeSettings settings = LakeSettings.defaults(lake).withFlushEvents(300).withFlushInterval(Duration.ofMillis(50))
        .withCompactMinFiles(3).withDuckDb("256MB", 1);
    EventMix mix = new EventMix(Instant.parse("2024-11-01T00:00:00Z"), 2, 3_000);
    ListEventLog log = new ListEventLog();
    FlakyOffsets offsets = new FlakyOffsets(3);

    log.add(mix.next(2_000));
    LakeWriter writer = new LakeWriter(settings, offsets.get(LakeWriter.NAME), Clock.systemUTC());
    try (Pipeline pipeline = new Pipeline(log, offsets, List.of(writer)).start()) {
      assertThat(pipeline.awaitCaughtUp(Duration.ofSeconds(60))).isTrue();
      assertThat(pipeline.status().get(0).failures()).as("recovered from the failed commit").isZero();
    } finally {
      writer.close(); // the owner closes the writer after the pipeline stopped
    }
    assertThat(offsets.get(LakeWriter.NAME)).isEqualTo(2_000);

    log.add(mix.next(1_000));
    writer = new LakeWriter(settings, offsets.get(LakeWriter.NAME), Clock.systemUTC());
    try (Pipeline pipeline = new Pipeline(log, offsets, List.of(writer)).start()) {
      assertThat(pipeline.awaitCaughtUp(Duration.ofSeconds(60))).isTrue();
    } finally {
      writer.close();
    }

    assertThat(LakeFiles.count(lake, "SELECT count(*) FROM events")).isEqualTo(3_000);
    assertThat(LakeFiles.count(lake, "SELECT count(DISTINCT seq) FROM events")).isEqualTo(3_000);
    assertThat(LakeFiles.count(lake, "SELECT count(DISTINCT message_id) FROM events")).isEqualTo(3_000);
    assertThat(LakeFiles.count(lake, "SELECT count(*) FROM lines")).isEqualTo(mix.lines());
  }
}
