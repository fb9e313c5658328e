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
   * @param withheld         valid events not stored for lack of consent (see the consent gate)
   */
  public record Figures(long accepted, long duplicates, long late, long historical, long rejected,
      Map<String, Long> rejectedByReason, long withheld) {
    public Figures {
      rejectedByReason = Map.copyOf(rejectedByReason);
    }

    public Figures(long accepted, long duplicates, long late, long historical, long rejected,
        Map<String, Long> rejectedByReason) {
      this(accepted, duplicates, late, historical, rejected, rejectedByReason, 0);
    }
  }

  public List<String> sources() {
    return List.copyOf(bySource.keySet());
  }
}
