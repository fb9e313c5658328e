package io.shopsense.server;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A server job's timer: one task run on a daemon thread of its own, first after a delay, then with a fixed delay
 * between the end of one run and the start of the next (runs never overlap). The task handles its own failures (an
 * exception it lets out stops later runs). Closing stops the thread, waiting up to 30 s for a run to end.
 */
public final class PeriodicTask implements AutoCloseable {
  private final ScheduledExecutorService scheduler;

  private PeriodicTask(String threadName, Duration firstRunAfter, Duration every, Runnable task) {
    scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, threadName);
      t.setDaemon(true);
      return t;
    });
    scheduler.scheduleWithFixedDelay(task, firstRunAfter.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Starts running {@code task} on a thread named {@code threadName}. */
  public static PeriodicTask start(String threadName, Duration firstRunAfter, Duration every, Runnable task) {
    return new PeriodicTask(threadName, firstRunAfter, every, task);
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
    try {
      scheduler.awaitTermination(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
