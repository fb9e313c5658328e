package io.shopsense.server.bench;

import java.util.Arrays;
import java.util.Locale;

/**
 * Latencies of one measured window, in nanoseconds, kept whole (a minute at a few thousand requests/s is a few
 * hundred thousand longs; the array grows as needed) so that quantiles are exact: the {@code q}-quantile is the
 * smallest value with at least {@code q} of the values at or below it. Thread-safe for concurrent {@link #add}.
 */
final class LatencyRecord {
  private long[] values;
  private int size;

  LatencyRecord(int expected) {
    values = new long[Math.max(16, expected)];
  }

  synchronized void add(long nanos) {
    if (size == values.length) {
      values = Arrays.copyOf(values, values.length * 2);
    }
    values[size++] = nanos;
  }

  synchronized int size() {
    return size;
  }

  /** The values sorted, for quantiles. */
  synchronized Quantiles quantiles() {
    long[] sorted = Arrays.copyOf(values, size);
    Arrays.sort(sorted);
    return new Quantiles(sorted);
  }

  /** Exact quantiles of a sorted set of latencies. */
  record Quantiles(long[] sorted) {
    long at(double q) {
      if (sorted.length == 0) {
        return 0;
      }
      int rank = (int) Math.ceil(q * sorted.length);
      return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    long max() {
      return sorted.length == 0 ? 0 : sorted[sorted.length - 1];
    }

    Summary summary() {
      return new Summary(at(0.5), at(0.99), at(0.999), max());
    }
  }

  /** The points quoted of a latency distribution, in nanoseconds. */
  record Summary(long p50, long p99, long p999, long max) {
    /** {@code p50 1.234 ms, p99 …, p99.9 …, max …}. */
    String describe() {
      return String.format(Locale.ROOT, "p50 %.3f ms, p99 %.3f ms, p99.9 %.3f ms, max %.3f ms", p50 / 1e6,
          p99 / 1e6, p999 / 1e6, max / 1e6);
    }

    /** {@code p50,p99,p999,max}. */
    String encode() {
      return p50 + "," + p99 + "," + p999 + "," + max;
    }

    static Summary decode(String text) {
      String[] v = text.split(",");
      if (v.length != 4) {
        throw new IllegalArgumentException("not a latency summary: " + text);
      }
      return new Summary(Long.parseLong(v[0]), Long.parseLong(v[1]), Long.parseLong(v[2]), Long.parseLong(v[3]));
    }
  }
}
