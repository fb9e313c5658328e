package io.shopsense.core.collect;

import io.shopsense.api.collect.QualityCount;
import io.shopsense.api.collect.QualityCounters;
import io.shopsense.api.collect.Quarantine;
import io.shopsense.api.collect.RejectedCount;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

/** Builds the {@link QualityReport} from the ingest counters and the quarantine's rejections. */
public final class QualityReports {
  private final QualityCounters counters;
  private final Quarantine quarantine;

  public QualityReports(QualityCounters counters, Quarantine quarantine) {
    this.counters = counters;
    this.quarantine = quarantine;
  }

  public QualityReport report(LocalDate from, LocalDate to) {
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("the report's end is before its start");
    }
    Tally total = new Tally();
    Map<String, Tally> bySource = new TreeMap<>();
    Map<LocalDate, Tally> byDay = new TreeMap<>();
    for (QualityCount c : counters.between(from, to)) {
      for (Tally t : new Tally[] {total, bySource.computeIfAbsent(c.source().value(), k -> new Tally()),
          byDay.computeIfAbsent(c.day(), k -> new Tally())}) {
        t.add(c);
      }
    }
    for (RejectedCount r : quarantine.countRejected(from, to)) {
      for (Tally t : new Tally[] {total, bySource.computeIfAbsent(r.source().value(), k -> new Tally()),
          byDay.computeIfAbsent(r.day(), k -> new Tally())}) {
        t.reject(r.reason(), r.count());
      }
    }
    return new QualityReport(from, to, total.figures(), freeze(bySource), freeze(byDay));
  }

  private static <K> Map<K, QualityReport.Figures> freeze(Map<K, Tally> tallies) {
    Map<K, QualityReport.Figures> out = new TreeMap<>();
    tallies.forEach((k, t) -> out.put(k, t.figures()));
    return java.util.Collections.unmodifiableMap(out);
  }

  private static final class Tally {
    long accepted;
    long duplicates;
    long late;
    long historical;
    long rejected;
    long withheld;
    final Map<String, Long> reasons = new TreeMap<>();

    void add(QualityCount c) {
      switch (c.metric()) {
        case ACCEPTED -> accepted += c.count();
        case DUPLICATE -> duplicates += c.count();
        case LATE -> late += c.count();
        case HISTORICAL -> historical += c.count();
        case WITHHELD -> withheld += c.count();
        default -> throw new IllegalStateException("unknown metric " + c.metric());
      }
    }

    void reject(String reason, long count) {
      rejected += count;
      reasons.merge(reason, count, Long::sum);
    }

    QualityReport.Figures figures() {
      return new QualityReport.Figures(accepted, duplicates, late, historical, rejected, reasons, withheld);
    }
  }
}
