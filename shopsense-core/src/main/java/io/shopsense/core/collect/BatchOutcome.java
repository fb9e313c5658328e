package io.shopsense.core.collect;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What became of every event of one ingest call, in order. */
public record BatchOutcome(List<EventOutcome> events) {
  public BatchOutcome {
    events = List.copyOf(events);
  }

  public long count(EventOutcome.Status status) {
    return events.stream().filter(e -> e.status() == status).count();
  }

  /** Source rows per status, for the reconciliation of imports. */
  public long rows(EventOutcome.Status status) {
    return events.stream().filter(e -> e.status() == status).mapToLong(EventOutcome::rows).sum();
  }

  /** Rejections per reason code, sorted by code. */
  public Map<String, Long> rejectedByReason() {
    Map<String, Long> counts = new TreeMap<>();
    events.stream().filter(e -> e.status() == EventOutcome.Status.REJECTED)
        .forEach(e -> counts.merge(e.reason(), 1L, Long::sum));
    return counts;
  }
}
