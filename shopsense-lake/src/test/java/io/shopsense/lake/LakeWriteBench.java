package io.shopsense.lake;

import io.shopsense.api.collect.EventEnvelope;
import io.shopsense.api.collect.StoredEvent;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Writes 1,000,000 events through {@link LakeWriter} the way the pipeline drives it (batches of 1,000, a commit
 * between calls) and prints events per second. Not a test. The events are prepared before the clock starts: a pool
 * of 100,000 real canonical events over three days (one in a hundred late) is handed over again and again, three
 * days later each time and with new sequence numbers, so 1,000,000 events cover 30 days, about 33,000 a day.
 *
 * <pre>
 * ./mvnw -B -o -pl shopsense-lake test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -Xmx1g -cp shopsense-lake/target/test-classes:shopsense-lake/target/classes:$(cat shopsense-lake/target/cp.txt) \
 *     io.shopsense.lake.LakeWriteBench [events] [flushEvents]
 * </pre>
 */
public final class LakeWriteBench {
  private static final int POOL = 100_000;
  private static final int POOL_DAYS = 3;
  private static final int BATCH = 1_000;

  private LakeWriteBench() {}

  public static void main(String[] args) throws Exception {
    int total = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    int flushEvents = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
    EventMix mix = new EventMix(Instant.parse("2024-10-01T00:00:00Z"), POOL_DAYS, POOL);
    List<StoredEvent> pool = mix.next(POOL);
    Path lake = Files.createTempDirectory("shopsense-lake-bench");
    LakeSettings settings = LakeSettings.defaults(lake).withFlushEvents(flushEvents);
    TestClock clock = new TestClock(Instant.parse("2024-11-01T00:00:00Z"));
    System.out.printf("bench: %,d events, batches of %,d, flush every %,d, DuckDB %s / %d threads, lake %s%n", total,
        BATCH, flushEvents, settings.memoryLimit(), settings.threads(), lake);
    try {
      long cpuBefore = cpuNanos();
      long started = System.nanoTime();
      try (LakeWriter writer = new LakeWriter(settings, 0, clock)) {
        long seq = 0;
        while (seq < total) {
          List<StoredEvent> batch = new ArrayList<>(BATCH);
          for (int i = 0; i < BATCH && seq < total; i++) {
            batch.add(new StoredEvent(seq + 1, shifted(pool.get((int) (seq % POOL)).envelope(),
                Duration.ofDays(POOL_DAYS * (seq / POOL)))));
            seq++;
          }
          writer.process(batch);
        }
        clock.advance(settings.flushInterval());
        writer.idle(total);
        writer.idle(total);
      }
      double seconds = (System.nanoTime() - started) / 1e9;
      double cpuSeconds = (cpuNanos() - cpuBefore) / 1e9;
      long bytes;
      long files;
      try (Stream<Path> paths = Files.walk(lake)) {
        List<Path> all = paths.filter(p -> p.toString().endsWith(".parquet")).toList();
        files = all.size();
        bytes = all.stream().mapToLong(LakeWriteBench::size).sum();
      }
      System.out.printf("bench: %,d events in %.1f s = %,.0f events/s; %d Parquet files, %,d MB%n", total, seconds,
          total / seconds, files, bytes >> 20);
      // the machine may be shared: CPU time per event is steadier than the wall clock
      System.out.printf("bench: process CPU %.1f s = %.1f CPU-us per event; load average %.1f on %d cores%n",
          cpuSeconds, cpuSeconds * 1e6 / total, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
          Runtime.getRuntime().availableProcessors());
      try (LakeQuery q = LakeQuery.open(lake)) {
        long t = System.nanoTime();
        QueryResult r = q.query("SELECT event, count(*) AS n, sum(revenue) AS revenue FROM events GROUP BY ALL "
            + "ORDER BY n DESC", 10);
        System.out.printf("bench: a group-by over the lake in %.2f s:%n%s", (System.nanoTime() - t) / 1e9,
            TextTable.render(r));
      }
    } finally {
      try (Stream<Path> paths = Files.walk(lake)) {
        paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
    System.out.println("bench: baseline (TECH-NOTES): DuckDB appender alone, 5M rows in ~5 s = ~1,000,000 rows/s");
  }

  /** The same event, {@code by} later (the lake takes the time and the partition from the envelope). */
  private static EventEnvelope shifted(EventEnvelope e, Duration by) {
    return new EventEnvelope(e.messageId(), e.type(), e.name(), e.anonymousId(), e.userId(), e.previousId(),
        e.timestamp().plus(by), e.receivedAt().plus(by), e.source(), e.json());
  }

  /** CPU time of the whole process (all threads, DuckDB's included). */
  private static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static long size(Path p) {
    try {
      return Files.size(p);
    } catch (IOException e) {
      return 0;
    }
  }
}
