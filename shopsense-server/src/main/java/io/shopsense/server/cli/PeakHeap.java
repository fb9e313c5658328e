package io.shopsense.server.cli;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Measures a task's wall-clock time and its peak heap growth: the heap is collected before the task so that the
 * baseline is what is live, then a daemon thread samples {@link MemoryMXBean#getHeapMemoryUsage()} every
 * millisecond while the task runs; the peak is the largest sample (and the usage right after the task) minus the
 * baseline. Used heap includes garbage not yet collected, so the figure is an upper bound of what the task needed
 * live, and a spike shorter than a millisecond can be missed; both are fine for comparing models by order of size.
 */
final class PeakHeap {
  private PeakHeap() {}

  /** What a measured task returned, how long it took and how much heap it grew by at most. */
  record Measured<T>(T value, long nanos, long peakBytes) {}

  static <T> Measured<T> measure(Supplier<T> task) {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    System.gc();
    long baseline = memory.getHeapMemoryUsage().getUsed();
    AtomicLong peak = new AtomicLong(baseline);
    Thread sampler = new Thread(() -> {
      while (!Thread.currentThread().isInterrupted()) {
        peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
        try {
          Thread.sleep(1);
        } catch (InterruptedException e) {
          return;
        }
      }
    }, "eval-heap-sampler");
    sampler.setDaemon(true);
    sampler.start();
    long t0 = System.nanoTime();
    T value;
    try {
      value = task.get();
    } finally {
      sampler.interrupt();
    }
    long nanos = System.nanoTime() - t0;
    try {
      sampler.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
    return new Measured<>(value, nanos, Math.max(0, peak.get() - baseline));
  }
}
