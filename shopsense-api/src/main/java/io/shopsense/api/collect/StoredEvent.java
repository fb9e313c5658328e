package io.shopsense.api.collect;

/** An event in the log at its sequence number: positive, strictly increasing in append order. */
public record StoredEvent(long seq, EventEnvelope envelope) {}
