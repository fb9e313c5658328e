package io.shopsense.core.collect;

/** How the time rules apply to an ingest. */
public enum IngestMode {
  /** Live tracking: events older than the maximum age are rejected; late ones are counted. */
  LIVE,
  /** An import of history: old events are expected (counted as historical), only the floor applies. */
  HISTORICAL
}
