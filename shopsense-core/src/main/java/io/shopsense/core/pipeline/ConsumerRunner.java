package io.shopsense.core.pipeline;

import io.shopsense.api.collect.ConsumerOffsets;
import io.shopsense.api.collect.EventLog;
import io.shopsense.api.collect.StoredEvent;
import java.time.Duration;
import java.util.List;

/**
 * Runs one {@link LogConsumer} on its own thread: read after what was handed over, process, commit the durable
 * position the consumer reports, repeat; on failure, reset the consumer and retry from the committed position.
 */
final class ConsumerRunner implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(ConsumerRunner.class.getName());
  private static final Duration IDLE_WAIT = Duration.ofMillis(200);
  private static final long MAX_BACKOFF_MS = 30_000;

  private final LogConsumer consumer;
  private final EventLog log;
  private final ConsumerOffsets offsets;
  private final Thread thread;
  private final Object progress = new Object();
  private volatile long committed;
  private long handedOver;
  private volatile int failures;
  private volatile String lastError;
  private volatile boolean running = true;

  ConsumerRunner(LogConsumer consumer, EventLog log, ConsumerOffsets offsets) {
    this.consumer = consumer;
    this.log = log;
    this.offsets = offsets;
    this.committed = offsets.get(consumer.name());
    this.handedOver = committed;
    this.thread = new Thread(this::run, "consumer-" + consumer.name());
    this.thread.setDaemon(true);
  }

  void start() {
    thread.start();
  }

  ConsumerStatus status() {
    return new ConsumerStatus(consumer.name(), committed, Math.max(0, log.lastSeq() - committed), failures,
        lastError);
  }

  /** Waits until the consumer has durably processed every event up to {@code seq}; false on timeout. */
  boolean awaitOffset(long seq, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (progress) {
      while (committed < seq) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        progress.wait(Math.max(1, left / 1_000_000));
      }
      return true;
    }
  }

  private void run() {
    loop();
    if (running) {
      return; // interrupted: leave buffered work to the replay after restart
    }
    try {
      commit(consumer.idle(handedOver)); // a clean stop flushes what is buffered
    } catch (Exception | LinkageError e) {
      LOG.log(System.Logger.Level.WARNING, "consumer " + consumer.name() + " could not flush on stop", e);
    }
  }

  private void loop() {
    while (running) {
      try {
        List<StoredEvent> batch = log.readAfter(handedOver, consumer.batchSize());
        if (batch.isEmpty()) {
          commit(consumer.idle(handedOver));
          log.awaitAfter(handedOver, IDLE_WAIT);
          continue;
        }
        long durable = consumer.process(batch);
        handedOver = batch.get(batch.size() - 1).seq();
        commit(durable);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (Exception | LinkageError e) {
        failures++;
        lastError = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        LOG.log(System.Logger.Level.ERROR, "consumer " + consumer.name() + " failed (attempt " + failures
            + "); retrying after position " + committed, e);
        consumer.reset();
        handedOver = committed;
        if (!sleep(Math.min(MAX_BACKOFF_MS, 250L << Math.min(failures, 7)))) {
          return;
        }
      }
    }
  }

  private void commit(long durable) {
    if (durable > handedOver) {
      throw new IllegalStateException("consumer " + consumer.name() + " reported position " + durable
          + " beyond what it was handed (" + handedOver + ")");
    }
    if (durable > committed) {
      offsets.commit(consumer.name(), durable);
      synchronized (progress) {
        committed = durable;
        progress.notifyAll();
      }
    }
    if (failures > 0) {
      failures = 0;
      lastError = null;
    }
  }

  private boolean sleep(long millis) {
    try {
      Thread.sleep(millis);
      return running;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  @Override
  public void close() {
    running = false;
    try {
      thread.join(30_000);
      if (thread.isAlive()) {
        thread.interrupt();
        thread.join(5_000);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
