package io.shopsense.server.bench;

/**
 * An open-loop schedule: request {@code i} is due at {@code start + i / rate}, whether or not earlier requests have
 * been answered, so that a slow server meets the same arrivals as a fast one and its queueing shows in the latency
 * (measured from the due time, not from when a busy client got round to sending). The first {@code warmup} requests
 * are sent but not measured.
 *
 * @param ratePerSecond requests per second, at least 1
 * @param warmup        requests sent before the measured window
 * @param measured      requests in the measured window, at least 1
 */
record LoadSchedule(int ratePerSecond, long warmup, long measured) {
  LoadSchedule {
    if (ratePerSecond < 1) {
      throw new IllegalArgumentException("the rate must be at least 1 request/s: " + ratePerSecond);
    }
    if (warmup < 0 || measured < 1) {
      throw new IllegalArgumentException("warm-up must be >= 0 and the measured window >= 1 request: " + warmup
          + ", " + measured);
    }
  }

  /** A schedule of {@code warmupSeconds} then {@code seconds} at {@code ratePerSecond}. */
  static LoadSchedule of(int ratePerSecond, int warmupSeconds, int seconds) {
    return new LoadSchedule(ratePerSecond, (long) ratePerSecond * warmupSeconds, (long) ratePerSecond * seconds);
  }

  long total() {
    return warmup + measured;
  }

  /** Nanoseconds after the start at which request {@code i} is due. */
  long dueNanos(long i) {
    return Math.multiplyExact(i, 1_000_000_000L) / ratePerSecond;
  }

  boolean isMeasured(long i) {
    return i >= warmup;
  }
}
