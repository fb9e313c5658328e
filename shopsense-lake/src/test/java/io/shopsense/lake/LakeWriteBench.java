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
 * Writes events through {@link LakeWriter} the way the pipeline drives it (batches of 1,000, a commit between calls)
 * and prints events per second and, steadier on a shared machine, process CPU time per event. Not a test. The events
 * are prepared before the clock starts: a pool of real canonical events is handed over again and again, shifted by
 * the pool's span each time and with new sequence numbers. Before the measured run half as many events (system
 * property {@code bench.warmUp}) go through a throw-away lake, so that the figures are those of a writer catching up,
 * not of the JIT (after a tenth of a run it was still compiling for seconds). The figures include what the collectors
 * and the JIT still spent in the run.
 *
 * <ul>
 *   <li>{@code mixed} (default 1,000,000 events): the demo mix of {@link EventMix}, a pool of 100,000 over three days
 *       (one in a hundred late), so 1,000,000 events cover 30 days, about 33,000 a day;</li>
 *   <li>{@code invoices} (default 112,000 events): import-style orders of about 20 lines each ({@link InvoiceMix}), a
 *       pool of 28,000 over {@code poolDays} days (default 3; the UCI file's 28,000 invoices span 305 days: pass
 *       305 to write a year of small partitions, as an import of it does).</li>
 * </ul>
 *
 * <pre>
 * ./mvnw -B -o -pl shopsense-lake test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -Xmx1g -XX:+UseParallelGC \
 *     -cp shopsense-lake/target/test-classes:shopsense-lake/target/classes:$(cat shopsense-lake/target/cp.txt) \
 *     io.shopsense.lake.LakeWriteBench [mixed|invoices|all] [events] [flushEvents] [poolDays]
 * </pre>
 */
public final class LakeWriteBench {
  private static final int BATCH = 1_000;

  private LakeWriteBench() {}

  /** A pool of events and the days it spans. */
  private record Workload(String name, List<StoredEvent> pool, int poolDays, long lines) {}

  public static void main(String[] args) throws Exception {
    String which = args.length > 0 ? args[0] : "all";
    Integer total = args.length > 1 ? Integer.valueOf(args[1]) : null;
    int flushEvents = args.length > 2 ? Integer.parseInt(args[2]) : 100_000;
    int invoiceDays = args.length > 3 ? Integer.parseInt(args[3]) : 3;
    if (which.equals("mixed") || which.equals("all")) {
      run(mixed(), total != null ? total : 1_000_000, flushEvents);
    }
    if (which.equals("invoices") || which.equals("all")) {
      run(invoices(invoiceDays), total != null ? total : 112_000, flushEvents);
    }
    System.out.println("bench: baseline (2026-11, this machine, the same command, writer before the direct-read path: "
        + "every event decoded, rows through DuckDB's appender): mixed 21-23 CPU-us per event (40-54k events/s), "
        + "invoices 127-142 CPU-us per event (6.7-8.4k events/s)");
  }

  private static Workload mixed() {
    int pool = 100_000;
    EventMix mix = new EventMix(Instant.parse("2024-10-01T00:00:00Z"), 3, pool);
    List<StoredEvent> events = mix.next(pool);
    return new Workload("mixed", events, 3, mix.lines());
  }

  private static Workload invoices(int days) {
    int pool = 28_000;
    InvoiceMix mix = new InvoiceMix(Instant.parse("2010-12-01T08:26:00Z"), days, pool);
    List<StoredEvent> events = mix.next(pool);
    return new Workload("invoices", events, days, mix.lines());
  }

  private static void run(Workload w, int total, int flushEvents) throws Exception {
    int poolSize = w.pool().size();
    System.out.printf("bench %s: %,d events (pool of %,d with %,d lines over %d days), batches of %,d, flush every "
        + "%,d%n", w.name(), total, poolSize, w.lines(), w.poolDays(), BATCH, flushEvents);
    write(w, warmUp(total), flushEvents, false);
    write(w, total, flushEvents, true);
  }

  /** Events written before the measured run, for the JIT: the JVM is still compiling after a tenth of a run. */
  private static int warmUp(int total) {
    return Integer.getInteger("bench.warmUp", total / 2);
  }

  private static void write(Workload w, int total, int flushEvents, boolean report) throws Exception {
    Path lake = Files.createTempDirectory("shopsense-lake-bench");
    LakeSettings settings = LakeSettings.defaults(lake).withFlushEvents(flushEvents);
    TestClock clock = new TestClock(Instant.parse("2024-11-01T00:00:00Z"));
    List<StoredEvent> pool = w.pool();
    try {
      System.gc();
      long gcBefore = gcMillis();
      long jitBefore = ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
      long cpuBefore = cpuNanos();
      long started = System.nanoTime();
      try (LakeWriter writer = new LakeWriter(settings, 0, clock)) {
        long seq = 0;
        while (seq < total) {
          List<StoredEvent> batch = new ArrayList<>(BATCH);
          for (int i = 0; i < BATCH && seq < total; i++) {
            batch.add(new StoredEvent(seq + 1, shifted(pool.get((int) (seq % pool.size())).envelope(),
                Duration.ofDays((long) w.poolDays() * (seq / pool.size())))));
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
      double gcSeconds = (gcMillis() - gcBefore) / 1e3;
      double jitSeconds = (ManagementFactory.getCompilationMXBean().getTotalCompilationTime() - jitBefore) / 1e3;
      if (!report) {
        return;
      }
      long bytes;
      long files;
      try (Stream<Path> paths = Files.walk(lake)) {
        List<Path> all = paths.filter(p -> p.toString().endsWith(".parquet")).toList();
        files = all.size();
        bytes = all.stream().mapToLong(LakeWriteBench::size).sum();
      }
      long lines = LakeFiles.count(lake, "SELECT count(*) FROM lines");
      System.out.printf("bench %s: %,d events (%,d lines) in %.1f s = %,.0f events/s; %d Parquet files, %,d MB%n",
          w.name(), total, lines, seconds, total / seconds, files, bytes >> 20);
      // the machine may be shared: CPU time per event is steadier than the wall clock
      System.out.printf("bench %s: process CPU %.1f s = %.1f CPU-us per event, %.2f CPU-us per row (events + "
              + "lines); in it GC pauses %.2f s, JIT %.2f s; load average %.1f on %d cores%n", w.name(), cpuSeconds,
          cpuSeconds * 1e6 / total, cpuSeconds * 1e6 / (total + lines), gcSeconds, jitSeconds,
          ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
          Runtime.getRuntime().availableProcessors());
      try (LakeQuery q = LakeQuery.open(lake)) {
        long t = System.nanoTime();
        QueryResult r = q.query("SELECT event, count(*) AS n, sum(revenue) AS revenue FROM events GROUP BY ALL "
            + "ORDER BY n DESC", 10);
        System.out.printf("bench %s: a group-by over the lake in %.2f s:%n%s", w.name(),
            (System.nanoTime() - t) / 1e9, TextTable.render(r));
      }
    } finally {
      try (Stream<Path> paths = Files.walk(lake)) {
        paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  /** The same event, {@code by} later (the lake takes the time and the partition from the envelope). */
  private static EventEnvelope shifted(EventEnvelope e, Duration by) {
    return new EventEnvelope(e.messageId(), e.type(), e.name(), e.anonymousId(), e.userId(), e.previousId(),
        e.timestamp().plus(by), e.receivedAt().plus(by), e.source(), e.json());
  }

  /** Time the collectors report having spent (pauses; a concurrent collector's background work is not in it). */
  private static long gcMillis() {
    return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(b -> Math.max(0, b.getCollectionTime()))
        .sum();
  }

  /** CPU time of the whole process (all threads, DuckDB's and the JIT's included). */
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
