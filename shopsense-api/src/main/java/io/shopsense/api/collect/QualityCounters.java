package io.shopsense.api.collect;

import java.time.LocalDate;
import java.util.List;

/**
 * Running ingest counts per day, source and metric. Called by the ingest path after each append. Operational
 * figures: a crash between an append and this call can lose the counts of that one call, never events; the exact
 * numbers are the event log's and the quarantine's own.
 */
public interface QualityCounters {

  /** Adds each count to the stored total of its (day, source, metric). */
  void add(List<QualityCount> counts);

  /** The totals for days in {@code [from, to]}. */
  List<QualityCount> between(LocalDate from, LocalDate to);
}
