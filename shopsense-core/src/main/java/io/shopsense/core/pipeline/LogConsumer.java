package io.shopsense.core.pipeline;

import io.shopsense.api.collect.StoredEvent;
import java.util.List;

/**
 * A derived view of the event log kept up to date by following it: identities, the lake, profiles.
 *
 * <p>The pipeline hands each consumer the events after what it has already handed over, in log order, and commits
 * the position the consumer reports as durable. A consumer may buffer (the lake writes files in large chunks): it then
 * reports an older durable position until it has flushed. After a crash or a failure the pipeline resumes from the
 * last committed position, so the same events may come again: processing must be idempotent.
 */
public interface LogConsumer {

  /** A stable name: the key of the consumer's committed position. */
  String name();

  /**
   * Takes the next events, in log order. Returns the sequence number up to which everything handed over so far is
   * durably processed: the last event's for a consumer that writes through. An exception makes the pipeline
   * {@link #reset} the consumer and retry from the committed position after a back-off.
   */
  long process(List<StoredEvent> events) throws Exception;

  /**
   * The log has had nothing new for a moment: a buffering consumer may flush here. Returns the durable position as
   * {@link #process} does; {@code handedOver} is the last sequence number handed over so far.
   */
  default long idle(long handedOver) throws Exception {
    return handedOver;
  }

  /** Forgets anything buffered: processing restarts after the committed position. */
  default void reset() {}

  /** The most events handed over at once. */
  default int batchSize() {
    return 1_000;
  }
}
