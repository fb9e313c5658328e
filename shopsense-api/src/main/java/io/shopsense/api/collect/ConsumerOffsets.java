package io.shopsense.api.collect;

/**
 * Where each consumer of the event log stands: the sequence number of the last event it has fully processed.
 * A consumer commits after its work is durable, and on restart resumes after the committed offset, so its work
 * must be idempotent.
 */
public interface ConsumerOffsets {

  /** The committed offset of the consumer, 0 if it never committed. */
  long get(String consumer);

  void commit(String consumer, long seq);
}
