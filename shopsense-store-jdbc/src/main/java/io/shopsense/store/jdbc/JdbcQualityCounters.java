package io.shopsense.store.jdbc;

import io.shopsense.api.collect.QualityCount;
import io.shopsense.api.collect.QualityCounters;
import io.shopsense.api.collect.QualityMetric;
import io.shopsense.api.id.SourceId;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The ingest counters in the {@code quality_counts} table. Thread-safe: concurrent adds to one total all count.
 * An add first makes sure each row exists ({@code on conflict do nothing}), then increments it in place, in key order
 * so that concurrent adds cannot deadlock; the portable form of an atomic upsert on both backends.
 */
final class JdbcQualityCounters implements QualityCounters {
  private static final Comparator<Key> ORDER = Comparator.comparing(Key::day).thenComparing(Key::source)
      .thenComparing(Key::metric);

  private record Key(LocalDate day, String source, String metric) {}

  private final Sql sql;

  JdbcQualityCounters(Sql sql) {
    this.sql = sql;
  }

  @Override
  public void add(List<QualityCount> counts) {
    if (counts.isEmpty()) {
      return;
    }
    Map<Key, Long> totals = new TreeMap<>(ORDER);
    for (QualityCount c : counts) {
      totals.merge(new Key(c.day(), c.source().value(), c.metric().name()), c.count(), Long::sum);
    }
    sql.tx(c -> {
      try (PreparedStatement insert = c.prepareStatement("insert into quality_counts (count_day, source, metric, "
          + "total) values (?, ?, ?, 0) on conflict do nothing");
          PreparedStatement update = c.prepareStatement("update quality_counts set total = total + ? "
              + "where count_day = ? and source = ? and metric = ?")) {
        for (Map.Entry<Key, Long> t : totals.entrySet()) {
          Key k = t.getKey();
          insert.setObject(1, k.day());
          insert.setString(2, k.source());
          insert.setString(3, k.metric());
          insert.addBatch();
          update.setLong(1, t.getValue());
          update.setObject(2, k.day());
          update.setString(3, k.source());
          update.setString(4, k.metric());
          update.addBatch();
        }
        insert.executeBatch();
        update.executeBatch();
      }
      return null;
    });
  }

  @Override
  public List<QualityCount> between(LocalDate from, LocalDate to) {
    return sql.read(c -> {
      try (PreparedStatement ps = c.prepareStatement("select count_day, source, metric, total from quality_counts "
          + "where count_day between ? and ? order by count_day, source, metric")) {
        ps.setObject(1, from);
        ps.setObject(2, to);
        List<QualityCount> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(new QualityCount(rs.getObject(1, LocalDate.class), SourceId.of(rs.getString(2)),
                QualityMetric.valueOf(rs.getString(3)), rs.getLong(4)));
          }
        }
        return out;
      }
    });
  }
}
