package io.shopsense.core.collect;

/** Told of every ingest call after it is durable, e.g. to keep metrics. Must be fast and must not throw. */
public interface IngestListener {
  IngestListener NONE = (request, outcome, nanos) -> {};

  void ingested(IngestRequest request, BatchOutcome outcome, long nanos);
}
