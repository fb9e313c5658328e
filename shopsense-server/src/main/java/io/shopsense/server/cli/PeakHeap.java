package io.shopsense.server.cli;

import com.sun.management.GarbageCollectionNotificationInfo;
import com.sun.management.GcInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.lang.ref.Reference;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import javax.management.ListenerNotFoundException;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Measures a task's wall-clock time and its heap growth: the heap is collected before the task so that the
 * baseline is what is live, then a daemon thread samples {@link MemoryMXBean#getHeapMemoryUsage()} every
 * millisecond while the task runs; the peak is the largest sample (and the usage right after the task) minus the
 * baseline. Used heap includes garbage not yet collected, so the figure is an upper bound of what the task needed
 * live, and a spike shorter than a millisecond can be missed; both are fine for comparing models by order of size.
 * Two tighter figures come beside it: the highest heap occupancy right after a collection during the task (from the
 * collectors' notifications; closer to what was live, empty when no collection ran) and what the task's result retains
 * (the heap after a collection with the result still referenced, minus the baseline).
 */
public final class PeakHeap {
  private PeakHeap() {}

  /**
   * What a measured task returned, how long it took and how much heap it grew by.
   *
   * @param peakBytes     the sampled peak of used heap minus the baseline (an upper bound, garbage included)
   * @param afterGcBytes  the highest heap occupancy right after a collection during the task minus the baseline;
   *                      empty when no collection ran during the task
   * @param retainedBytes the heap the result keeps alive beyond the task's input: used after a collection, with
   *                      the result and the task still referenced, minus the baseline
   */
  public record Measured<T>(T value, long nanos, long peakBytes, OptionalLong afterGcBytes, long retainedBytes) {}

  public static <T> Measured<T> measure(Supplier<T> task) {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    System.gc();
    long baseline = memory.getHeapMemoryUsage().getUsed();
    AtomicLong peak = new AtomicLong(baseline);
    CollectionWatch collections = new CollectionWatch();
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
    OptionalLong afterGc = collections.close();
    try {
      sampler.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
    System.gc();
    long retained = memory.getHeapMemoryUsage().getUsed() - baseline;
    // the input the task holds was in the baseline: keep it, so that only what the result adds is counted
    Reference.reachabilityFence(task);
    Reference.reachabilityFence(value);
    return new Measured<>(value, nanos, Math.max(0, peak.get() - baseline),
        afterGc.isPresent() ? OptionalLong.of(Math.max(0, afterGc.getAsLong() - baseline)) : afterGc,
        Math.max(0, retained));
  }

  /**
   * The highest heap occupancy right after a collection, from the collectors' notifications, between its creation
   * and {@link #close()}. Notifications arrive on a JMX thread a little after each collection, so closing waits (up
   * to a second) until one has arrived for every collection the collectors counted.
   */
  private static final class CollectionWatch {
    private final List<GarbageCollectorMXBean> collectors = ManagementFactory.getGarbageCollectorMXBeans();
    private final long countBefore = count();
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong highest = new AtomicLong(Long.MIN_VALUE);
    private final NotificationListener listener = (notification, handback) -> {
      if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
        GcInfo info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData()).getGcInfo();
        highest.accumulateAndGet(heapAfter(info), Math::max);
        received.incrementAndGet();
      }
    };

    CollectionWatch() {
      collectors.forEach(gc -> ((NotificationEmitter) gc).addNotificationListener(listener, null, null));
    }

    /** Stops listening; the highest occupancy seen, or empty when no collection ran. */
    OptionalLong close() {
      long expected = count() - countBefore;
      long deadline = System.nanoTime() + 1_000_000_000L;
      while (received.get() < expected && System.nanoTime() < deadline) {
        Thread.onSpinWait();
      }
      for (GarbageCollectorMXBean gc : collectors) {
        try {
          ((NotificationEmitter) gc).removeNotificationListener(listener);
        } catch (ListenerNotFoundException alreadyGone) {
          // nothing to undo
        }
      }
      long h = highest.get();
      return h == Long.MIN_VALUE ? OptionalLong.empty() : OptionalLong.of(h);
    }

    private long count() {
      return collectors.stream().mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();
    }

    /** The heap pools' usage after the collection (metaspace and code cache are reported too, and left out). */
    private static long heapAfter(GcInfo info) {
      long used = 0;
      for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
        MemoryUsage u = info.getMemoryUsageAfterGc().get(pool.getName());
        if (pool.getType() == MemoryType.HEAP && u != null) {
          used += u.getUsed();
        }
      }
      return used;
    }
  }
}
