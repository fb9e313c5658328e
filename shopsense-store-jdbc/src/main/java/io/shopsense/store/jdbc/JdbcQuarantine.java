package io.shopsense.store.jdbc;

import io.shopsense.api.Slice;
import io.shopsense.api.collect.NewQuarantineEntry;
import io.shopsense.api.collect.Quarantine;
import io.shopsense.api.collect.QuarantineEntry;
import io.shopsense.api.collect.QuarantineQuery;
import io.shopsense.api.collect.QuarantineStatus;
import io.shopsense.api.collect.RejectedCount;
import io.shopsense.api.id.SourceId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The quarantine in the {@code quarantine} table. Thread-safe. Ids come from an identity column: increasing in the
 * order entries were added. A transition ({@code revise}, {@code markReplayed}, {@code markFailed},
 * {@code discard}) applies to a pending entry only; on a replayed or discarded entry it changes nothing, so a retried
 * call is harmless; on an unknown id it throws {@link IllegalArgumentException}.
 */
final class JdbcQuarantine implements Quarantine {
  private static final String COLUMNS =
      "id, source, received_at, reason, detail, raw, origin, status, attempts, updated_at, result_seq, note";
  private static final String PENDING = QuarantineStatus.PENDING.name();

  private final Sql sql;

  JdbcQuarantine(Sql sql) {
    this.sql = sql;
  }

  @Override
  public List<Long> add(List<NewQuarantineEntry> entries) {
    if (entries.isEmpty()) {
      return List.of();
    }
    return sql.tx(c -> {
      try (PreparedStatement ps = c.prepareStatement("insert into quarantine (source, received_at, received_day, "
          + "reason, detail, raw, origin, status, attempts, updated_at, result_seq, note) "
          + "values (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, null, '')", new String[] {"id"})) {
        for (NewQuarantineEntry e : entries) {
          ps.setString(1, e.source().value());
          Sql.setInstant(ps, 2, e.receivedAt());
          ps.setObject(3, LocalDate.ofInstant(e.receivedAt(), ZoneOffset.UTC));
          ps.setString(4, e.reason());
          ps.setString(5, e.detail());
          ps.setString(6, e.raw());
          ps.setString(7, e.origin());
          ps.setString(8, PENDING);
          Sql.setInstant(ps, 9, e.receivedAt());
          ps.addBatch();
        }
        ps.executeBatch();
        List<Long> ids = new ArrayList<>(entries.size());
        try (ResultSet keys = ps.getGeneratedKeys()) {
          while (keys.next()) {
            ids.add(keys.getLong(1));
          }
        }
        if (ids.size() != entries.size()) {
          throw new IllegalStateException("the database returned " + ids.size() + " ids for " + entries.size()
              + " quarantine entries");
        }
        return ids;
      }
    });
  }

  @Override
  public Optional<QuarantineEntry> find(long id) {
    return sql.read(c -> {
      try (PreparedStatement ps = c.prepareStatement("select " + COLUMNS + " from quarantine where id = ?")) {
        ps.setLong(1, id);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? Optional.of(entry(rs)) : Optional.empty();
        }
      }
    });
  }

  @Override
  public Slice<QuarantineEntry> list(QuarantineQuery query) {
    StringBuilder where = new StringBuilder("id > ?");
    List<String> args = new ArrayList<>();
    if (query.status() != null) {
      where.append(" and status = ?");
      args.add(query.status().name());
    }
    if (query.reason() != null) {
      where.append(" and reason = ?");
      args.add(query.reason());
    }
    if (query.source() != null) {
      where.append(" and source = ?");
      args.add(query.source().value());
    }
    List<QuarantineEntry> rows = sql.read(c -> {
      try (PreparedStatement ps = c.prepareStatement("select " + COLUMNS + " from quarantine where " + where
          + " order by id limit ?")) {
        int i = 1;
        ps.setLong(i++, query.afterId());
        for (String a : args) {
          ps.setString(i++, a);
        }
        ps.setInt(i, query.limit() + 1); // one more tells whether there is a next page
        List<QuarantineEntry> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(entry(rs));
          }
        }
        return out;
      }
    });
    if (rows.size() <= query.limit()) {
      return new Slice<>(rows, null);
    }
    List<QuarantineEntry> page = rows.subList(0, query.limit());
    return new Slice<>(page, Long.toString(page.get(page.size() - 1).id()));
  }

  @Override
  public void revise(long id, String raw, Instant at) {
    transition(id, "raw = ?, updated_at = ?", ps -> {
      ps.setString(1, raw);
      Sql.setInstant(ps, 2, at);
      return 3;
    });
  }

  @Override
  public void markReplayed(long id, long seq, Instant at) {
    transition(id, "status = 'REPLAYED', result_seq = ?, updated_at = ?", ps -> {
      ps.setLong(1, seq);
      Sql.setInstant(ps, 2, at);
      return 3;
    });
  }

  @Override
  public void markFailed(long id, String reason, String detail, Instant at) {
    transition(id, "reason = ?, detail = ?, attempts = attempts + 1, updated_at = ?", ps -> {
      ps.setString(1, reason);
      ps.setString(2, detail == null ? "" : detail);
      Sql.setInstant(ps, 3, at);
      return 4;
    });
  }

  @Override
  public void discard(long id, String note, Instant at) {
    transition(id, "status = 'DISCARDED', note = ?, updated_at = ?", ps -> {
      ps.setString(1, note == null ? "" : note);
      Sql.setInstant(ps, 2, at);
      return 3;
    });
  }

  /** Binds the SET clause's parameters and returns the index of the id parameter. */
  private interface SetBinder {
    int bind(PreparedStatement ps) throws SQLException;
  }

  private void transition(long id, String set, SetBinder binder) {
    sql.tx(c -> {
      try (PreparedStatement ps = c.prepareStatement("update quarantine set " + set
          + " where id = ? and status = '" + PENDING + "'")) {
        ps.setLong(binder.bind(ps), id);
        if (ps.executeUpdate() == 0 && !exists(c, id)) {
          throw new IllegalArgumentException("no quarantine entry " + id);
        }
      }
      return null;
    });
  }

  private static boolean exists(Connection c, long id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("select 1 from quarantine where id = ?")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  @Override
  public List<RejectedCount> countRejected(LocalDate from, LocalDate to) {
    return sql.read(c -> {
      try (PreparedStatement ps = c.prepareStatement("select received_day, source, reason, count(*) from quarantine"
          + " where received_day between ? and ? group by received_day, source, reason"
          + " order by received_day, source, reason")) {
        ps.setObject(1, from);
        ps.setObject(2, to);
        List<RejectedCount> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(new RejectedCount(rs.getObject(1, LocalDate.class), SourceId.of(rs.getString(2)),
                rs.getString(3), rs.getLong(4)));
          }
        }
        return out;
      }
    });
  }

  @Override
  public Map<QuarantineStatus, Long> countByStatus() {
    return sql.read(c -> {
      Map<QuarantineStatus, Long> counts = new EnumMap<>(QuarantineStatus.class);
      for (QuarantineStatus s : QuarantineStatus.values()) {
        counts.put(s, 0L);
      }
      try (PreparedStatement ps = c.prepareStatement("select status, count(*) from quarantine group by status");
          ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          counts.put(QuarantineStatus.valueOf(rs.getString(1)), rs.getLong(2));
        }
      }
      return counts;
    });
  }

  private static QuarantineEntry entry(ResultSet rs) throws SQLException {
    return new QuarantineEntry(rs.getLong("id"), SourceId.of(rs.getString("source")), Sql.instant(rs, "received_at"),
        rs.getString("reason"), rs.getString("detail"), rs.getString("raw"), rs.getString("origin"),
        QuarantineStatus.valueOf(rs.getString("status")), rs.getInt("attempts"), Sql.instant(rs, "updated_at"),
        Sql.longOrNull(rs, "result_seq"), rs.getString("note"));
  }

  @Override
  public List<Long> eraseContaining(java.util.Collection<String> values) {
    return PersonErasure.quarantine(sql, values);
  }
}
