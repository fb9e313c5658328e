package io.shopsense.core.collect;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The data-quality report over days {@code [from, to]} (UTC, by time received): what was accepted, what was a
 * duplicate, what came late, and what was rejected why — in total, per source and per day.
 */
public record QualityReport(LocalDate from, LocalDate to, Figures total, Map<String, Figures> bySource,
    Map<LocalDate, Figures> byDay) {

  /**
   * @param rejectedByReason rejections per reason code
   */
  public record Figures(long accepted, long duplicates, long late, long historical, long rejected,
      Map<String, Long> rejectedByReason) {
    public Figures {
      rejectedByReason = Map.copyOf(rejectedByReason);
    }
  }

  public List<String> sources() {
    return List.copyOf(bySource.keySet());
  }
}
