package io.shopsense.core.pipeline;

import io.shopsense.api.collect.ConsumerOffsets;
import io.shopsense.api.collect.EventLog;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The consumers that follow the event log, each on its own thread with its own committed offset, so that a slow
 * one (the lake writes files) never holds back a fast one (identity).
 */
public final class Pipeline implements AutoCloseable {
  private final EventLog log;
  private final List<ConsumerRunner> runners = new ArrayList<>();

  public Pipeline(EventLog log, ConsumerOffsets offsets, List<LogConsumer> consumers) {
    this.log = log;
    for (LogConsumer c : consumers) {
      runners.add(new ConsumerRunner(c, log, offsets));
    }
  }

  public Pipeline start() {
    runners.forEach(ConsumerRunner::start);
    return this;
  }

  public List<ConsumerStatus> status() {
    return runners.stream().map(ConsumerRunner::status).toList();
  }

  /** Waits until every consumer has processed the log up to where it is now; false on timeout. */
  public boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
    long target = log.lastSeq();
    long deadline = System.nanoTime() + timeout.toNanos();
    for (ConsumerRunner r : runners) {
      Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
      if (!r.awaitOffset(target, left)) {
        return false;
      }
    }
    return true;
  }

  @Override
  public void close() {
    for (int i = runners.size() - 1; i >= 0; i--) {
      runners.get(i).close();
    }
  }
}
