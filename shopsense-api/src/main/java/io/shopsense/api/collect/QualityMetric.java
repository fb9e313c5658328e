package io.shopsense.api.collect;

/** The ingest counts the data-quality report keeps besides rejections (which the quarantine holds). */
public enum QualityMetric {
  /** Stored in the event log. */
  ACCEPTED,
  /** Not stored because an event with the same message id was. */
  DUPLICATE,
  /** Accepted, and received long after it happened (see the ingest settings' late threshold). */
  LATE,
  /** Accepted from an import of history (not counted as late). */
  HISTORICAL,
  /** Valid, but not stored for lack of consent (only what is strictly necessary of a person's events is kept). */
  WITHHELD
}
