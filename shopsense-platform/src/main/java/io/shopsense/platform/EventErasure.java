package io.shopsense.platform;

import io.shopsense.api.collect.ErasedEvents;
import io.shopsense.lake.LakeErasure;
import java.util.Optional;

/**
 * What {@link Platform#eraseEvents} removed: from the event log, and from the lake when there is one. Holds counts,
 * file names and times only, never the identifiers erased, so it can go into a completion report and a log as is.
 *
 * @param log  the events removed from the event log
 * @param lake the lake's report, null when the lake is off
 */
public record EventErasure(ErasedEvents log, LakeErasure.Report lake) {

  public Optional<LakeErasure.Report> lakeReport() {
    return Optional.ofNullable(lake);
  }
}
