package io.shopsense.core.imports;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * One thread that runs an import's chunks (ingest calls, catalog calls) in the order they are handed over, while the
 * importing thread goes on reading and mapping: on two cores the reading and the validating overlap. The queue is
 * bounded, so a slow store slows the reader down rather than filling the heap. The first failure stops the work: the
 * chunks after it are skipped, and the next {@link #submit} or {@link #finish} throws it.
 */
final class ChunkWorker implements AutoCloseable {
  private static final Runnable STOP = () -> {};

  private final BlockingQueue<Runnable> queue;
  private final Thread thread;
  private volatile Throwable failure;

  ChunkWorker(String name, int capacity) {
    this.queue = new ArrayBlockingQueue<>(capacity);
    this.thread = new Thread(this::loop, name);
    thread.setDaemon(true);
    thread.start();
  }

  private void loop() {
    try {
      while (true) {
        Runnable task = queue.take();
        if (task == STOP) {
          return;
        }
        if (failure == null) {
          try {
            task.run();
          } catch (Throwable t) {
            failure = t;
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Queues the task, waiting while the queue is full; throws the failure of an earlier task, if any. */
  void submit(Runnable task) {
    rethrow();
    try {
      queue.put(task);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while handing over a chunk", e);
    }
  }

  /** Waits until every task has run; throws the first failure. What the tasks wrote is visible after it returns. */
  void finish() {
    submit(STOP);
    join();
    rethrow();
  }

  /** Stops without running what is still queued (after a failure of the reader). */
  @Override
  public void close() {
    if (thread.isAlive()) {
      queue.clear();
      queue.offer(STOP);
      join();
    }
  }

  private void join() {
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the last chunks", e);
    }
  }

  private void rethrow() {
    Throwable t = failure;
    if (t instanceof RuntimeException r) {
      throw r;
    }
    if (t instanceof Error e) {
      throw e;
    }
    if (t != null) {
      throw new IllegalStateException(t);
    }
  }
}
