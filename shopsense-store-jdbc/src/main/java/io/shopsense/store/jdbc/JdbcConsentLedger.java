package io.shopsense.store.jdbc;

import io.shopsense.api.privacy.ConsentLedger;
import io.shopsense.api.privacy.ConsentRecord;
import io.shopsense.api.privacy.ConsentSubject;
import io.shopsense.api.privacy.LawfulBasis;
import io.shopsense.api.privacy.Purpose;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The consent ledger in the {@code consent_records} table, numbered by its identity column. Appends are serialised in
 * this process (one lock), so numbers increase in commit order and a follower after a number misses nothing; numbers
 * may have gaps. A record already on record (same subject, purpose and cause) is skipped by a lookup before the
 * insert, under the same lock; the unique index stays the guard against another process.
 */
final class JdbcConsentLedger implements ConsentLedger {
  private static final String COLUMNS = "seq, subject_kind, subject_value, purpose, granted, basis, source, "
      + "notice_version, decided_at, cause";

  private final Sql sql;
  private final Object appendLock = new Object();

  JdbcConsentLedger(Sql sql) {
    this.sql = sql;
  }

  @Override
  public List<ConsentRecord> append(Collection<ConsentRecord> records) {
    if (records.isEmpty()) {
      return List.of();
    }
    List<ConsentRecord> rows = List.copyOf(records);
    synchronized (appendLock) {
      return sql.tx(c -> {
        List<ConsentRecord> stored = new ArrayList<>();
        try (PreparedStatement exists = c.prepareStatement("select 1 from consent_records where subject_kind = ? "
            + "and subject_value = ? and purpose = ? and cause = ?");
            PreparedStatement insert = c.prepareStatement("insert into consent_records (subject_kind, subject_value, "
                + "purpose, granted, basis, source, notice_version, decided_at, cause) "
                + "values (?, ?, ?, ?, ?, ?, ?, ?, ?)", new String[] {"seq"})) {
          java.util.Set<String> inThisCall = new java.util.HashSet<>();
          for (ConsentRecord r : rows) {
            String key = r.subject() + "\u0000" + r.purpose() + "\u0000" + r.cause();
            if (!inThisCall.add(key)) {
              continue;
            }
            exists.setString(1, r.subject().kind().name());
            exists.setString(2, r.subject().value());
            exists.setString(3, r.purpose().wireName());
            exists.setString(4, r.cause());
            try (ResultSet rs = exists.executeQuery()) {
              if (rs.next()) {
                continue;
              }
            }
            insert.setString(1, r.subject().kind().name());
            insert.setString(2, r.subject().value());
            insert.setString(3, r.purpose().wireName());
            insert.setBoolean(4, r.granted());
            insert.setString(5, r.basis().wireName());
            insert.setString(6, r.source());
            insert.setString(7, r.noticeVersion());
            Sql.setInstant(insert, 8, r.at());
            insert.setString(9, r.cause());
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
              keys.next();
              stored.add(new ConsentRecord(keys.getLong(1), r.subject(), r.purpose(), r.granted(), r.basis(),
                  r.source(), r.noticeVersion(), Sql.stored(r.at()), r.cause()));
            }
          }
        }
        return stored;
      });
    }
  }

  /**
   * One indexed lookup per subject on one connection (an {@code or} of subjects makes H2 scan the table), merged in
   * ledger order.
   */
  @Override
  public List<ConsentRecord> history(Collection<ConsentSubject> subjects) {
    List<ConsentSubject> all = subjects.stream().distinct().toList();
    if (all.isEmpty()) {
      return List.of();
    }
    // a list of values per statement, on their own index (V16); the kind is checked here
    java.util.Set<ConsentSubject> asked = new java.util.HashSet<>(all);
    List<String> values = all.stream().map(ConsentSubject::value).distinct().toList();
    List<ConsentRecord> out = sql.read(c -> {
      List<ConsentRecord> rows = new ArrayList<>();
      Sql.inLists(c, values, JdbcConsentLedger::historyQuery, rs -> {
        ConsentRecord r = row(rs);
        if (asked.contains(r.subject())) {
          rows.add(r);
        }
      });
      return rows;
    });
    out.sort(java.util.Comparator.comparingLong(ConsentRecord::seq));
    return out;
  }

  /** The records of {@code values} subject values (of any kind). */
  static String historyQuery(int values) {
    return "select " + COLUMNS + " from consent_records where subject_value in (" + Sql.placeholders(values) + ")";
  }

  @Override
  public List<ConsentRecord> after(long seq, int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be positive, not " + limit);
    }
    return query("select " + COLUMNS + " from consent_records where seq > ? order by seq limit ?", ps -> {
      ps.setLong(1, seq);
      ps.setInt(2, limit);
    });
  }

  @Override
  public long latestSeq() {
    return sql.read(c -> {
      try (PreparedStatement ps = c.prepareStatement("select coalesce(max(seq), 0) from consent_records");
          ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    });
  }

  @Override
  public int erase(Collection<ConsentSubject> subjects) {
    List<ConsentSubject> all = subjects.stream().distinct().toList();
    if (all.isEmpty()) {
      return 0;
    }
    return sql.tx(c -> {
      int deleted = 0;
      try (PreparedStatement ps = c.prepareStatement("delete from consent_records where subject_kind = ? "
          + "and subject_value = ?")) {
        for (ConsentSubject s : all) {
          ps.setString(1, s.kind().name());
          ps.setString(2, s.value());
          deleted += ps.executeUpdate();
        }
      }
      return deleted;
    });
  }

  private interface Binder {
    void bind(PreparedStatement ps) throws SQLException;
  }

  private List<ConsentRecord> query(String statement, Binder binder) {
    return sql.read(c -> {
      try (PreparedStatement ps = c.prepareStatement(statement)) {
        binder.bind(ps);
        List<ConsentRecord> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(row(rs));
          }
        }
        return out;
      }
    });
  }

  private static ConsentRecord row(ResultSet rs) throws SQLException {
    return new ConsentRecord(rs.getLong("seq"),
        new ConsentSubject(enumOf(ConsentSubject.Kind.class, rs.getString("subject_kind")),
            rs.getString("subject_value")),
        Purpose.fromWire(rs.getString("purpose")).orElseThrow(() -> unknown("purpose")),
        rs.getBoolean("granted"),
        LawfulBasis.fromWire(rs.getString("basis")).orElseThrow(() -> unknown("basis")),
        rs.getString("source"), rs.getString("notice_version"), Sql.instant(rs, "decided_at"),
        rs.getString("cause"));
  }

  private static <E extends Enum<E>> E enumOf(Class<E> type, String name) {
    try {
      return Enum.valueOf(type, name);
    } catch (IllegalArgumentException e) {
      throw unknown("subject kind");
    }
  }

  private static IllegalStateException unknown(String what) {
    return new IllegalStateException("the consent ledger holds an unknown " + what + "; was it written by a newer "
        + "version?");
  }
}
