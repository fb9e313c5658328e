package io.shopsense.api.collect;

/** Where a quarantined record stands. */
public enum QuarantineStatus {
  /** Waiting to be fixed, replayed or discarded. */
  PENDING,
  /** Replayed successfully: it is in the event log now (or was found to be a duplicate of an event there). */
  REPLAYED,
  /** Given up on by a person, with their reason. */
  DISCARDED
}
