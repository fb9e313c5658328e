package io.shopsense.core.pipeline;

import java.util.Arrays;

/**
 * The latest latencies a consumer measured (a ring of fixed size), and their percentiles on demand: how far behind
 * the events it handled were when its work on them committed. Thread-safe.
 */
public final class LatencySample {
  private final long[] ring;
  private long count;

  public LatencySample(int size) {
    this.ring = new long[size];
  }

  public synchronized void record(long millis) {
    ring[(int) (count++ % ring.length)] = millis;
  }

  /** Percentiles of what the ring holds now. */
  public record Summary(long samples, long total, long p50, long p90, long p99, long max) {}

  public synchronized Summary summary() {
    int n = (int) Math.min(count, ring.length);
    if (n == 0) {
      return new Summary(0, count, 0, 0, 0, 0);
    }
    long[] sorted = Arrays.copyOf(ring, n);
    Arrays.sort(sorted);
    return new Summary(n, count, at(sorted, 0.5), at(sorted, 0.9), at(sorted, 0.99), sorted[n - 1]);
  }

  private static long at(long[] sorted, double q) {
    return sorted[(int) Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  }
}
