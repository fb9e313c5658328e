package io.shopsense.platform;

import io.shopsense.api.collect.ErasedEvents;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What one run of raw-event retention ({@link Platform#applyRetention}) deleted.
 *
 * @param cutoff         events that happened before it were due
 * @param log            what the event log deleted (whole segments on the embedded log, so maybe fewer than due)
 * @param firstLakeDay   the first day whose lake partition is kept: the cutoff's UTC day
 * @param lakePartitions the lake partitions deleted, relative to the lake's root; empty when the lake is off
 */
public record RetentionReport(Instant cutoff, ErasedEvents log, LocalDate firstLakeDay, List<String> lakePartitions) {

  public RetentionReport {
    lakePartitions = List.copyOf(lakePartitions);
  }
}
