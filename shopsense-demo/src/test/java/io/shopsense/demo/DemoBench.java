package io.shopsense.demo;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Measures how fast the demo shop generates events: not a test (no assertions, not run by the build), a program.
 * It times {@link DemoShop#writeBatches} (the ingest benchmark's feed: batch bodies of 500 events, ready to POST) and
 * {@link DemoShop#events()} (trees) and prints events per second, single-threaded, after a warm-up run.
 *
 * <pre>
 * ./mvnw -o -q -pl shopsense-demo test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp \
 *     -Dmdep.includeScope=test
 * cd shopsense-demo
 * java -Xmx1g -cp target/classes:target/test-classes:$(cat target/bench.cp) io.shopsense.demo.DemoBench 1000000 10000000
 * </pre>
 */
public final class DemoBench {
  private static final Instant NOW = Instant.parse("2026-11-15T12:00:00Z");

  private DemoBench() {}

  public static void main(String[] args) {
    long[] sizes = args.length == 0 ? new long[] {1_000_000, 10_000_000} : new long[args.length];
    for (int i = 0; i < args.length; i++) {
      sizes[i] = Long.parseLong(args[i].replace("_", ""));
    }
    run(200_000, false); // warm-up
    for (long size : sizes) {
      run(size, true);
    }
  }

  private static void run(long target, boolean print) {
    long[] t0 = clocks();
    DemoShop shop = DemoShop.of(DemoSettings.of(42, target, NOW));
    long[] t1 = clocks();
    AtomicLong bytes = new AtomicLong();
    AtomicLong batches = new AtomicLong();
    DemoSummary summary = shop.writeBatches(500, body -> {
      bytes.addAndGet(body.length);
      batches.incrementAndGet();
    });
    long[] t2 = clocks();
    long trees = target <= 2_000_000 ? shop.events().count() : -1;
    long[] t3 = clocks();
    if (!print) {
      return;
    }
    System.out.printf("target %,d: %,d events, %,d people seen, %,d products, %,d orders; setup %s%n", target,
        summary.events(), summary.people(), summary.products(), summary.orders(), span(t0, t1, 0));
    System.out.printf("  writeBatches(500): %s; %,d batches, %.1f MB (%.0f bytes/event)%n",
        span(t1, t2, summary.events()), batches.get(), bytes.get() / 1e6, bytes.get() / (double) summary.events());
    if (trees >= 0) {
      System.out.printf("  events() trees:    %s%n", span(t2, t3, trees));
    }
    System.out.printf("  heap used after: %.0f MB; load average %.1f on %d cores%n",
        (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) / 1e6,
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
        Runtime.getRuntime().availableProcessors());
  }

  /** Wall-clock and this thread's CPU time, in nanoseconds. */
  private static long[] clocks() {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    return new long[] {System.nanoTime(), threads.getCurrentThreadCpuTime()};
  }

  /**
   * Wall-clock and CPU time between two readings, with events per second by each. On a busy machine the CPU figure is
   * the one to compare: other processes stretch the wall clock, not the work.
   */
  private static String span(long[] from, long[] to, long events) {
    double wall = (to[0] - from[0]) / 1e9;
    double cpu = (to[1] - from[1]) / 1e9;
    if (events == 0) {
      return String.format("%.2f s wall, %.2f s cpu", wall, cpu);
    }
    return String.format("%.2f s wall (%,.0f events/s), %.2f s cpu (%,.0f events/cpu-s)", wall, events / wall, cpu,
        events / cpu);
  }
}
