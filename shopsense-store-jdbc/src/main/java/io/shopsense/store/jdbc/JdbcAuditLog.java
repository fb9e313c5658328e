package io.shopsense.store.jdbc;

import io.shopsense.api.audit.AuditEntry;
import io.shopsense.api.audit.AuditHash;
import io.shopsense.api.audit.AuditHead;
import io.shopsense.api.audit.AuditLog;
import io.shopsense.api.audit.AuditQuery;
import io.shopsense.api.audit.AuditRecord;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The audit log in the {@code audit_log} table, its head in the one-row {@code audit_head} table. An append locks
 * the head row ({@code select ... for update}), computes the entry's hash over the head's hash, inserts the entry and
 * moves the head, in one transaction: concurrent appenders, also in other processes on the same PostgreSQL schema,
 * wait for each other, so that seq has no gaps and the chain never forks. Thread-safe.
 */
final class JdbcAuditLog implements AuditLog {
  private static final String COLUMNS = "seq, recorded_at, actor, action, target, outcome, previous_hash, entry_hash";

  private final Sql sql;

  JdbcAuditLog(Sql sql) {
    this.sql = sql;
  }

  @Override
  public AuditEntry append(AuditRecord record) {
    return sql.tx(c -> {
      long headSeq;
      String headHash;
      try (PreparedStatement lock = c.prepareStatement(
          "select head_seq, head_hash from audit_head where id = 1 for update");
          ResultSet rs = lock.executeQuery()) {
        if (!rs.next()) {
          throw new IllegalStateException("the audit_head row is missing: the audit log's schema was tampered with");
        }
        headSeq = rs.getLong(1);
        headHash = rs.getString(2);
      }
      long seq = headSeq + 1;
      String hash = AuditHash.of(seq, record, headHash);
      try (PreparedStatement insert = c.prepareStatement("insert into audit_log (" + COLUMNS
          + ") values (?, ?, ?, ?, ?, ?, ?, ?)")) {
        insert.setLong(1, seq);
        Sql.setInstant(insert, 2, record.at());
        insert.setString(3, record.actor());
        insert.setString(4, record.action());
        insert.setString(5, record.target());
        insert.setString(6, record.outcome());
        insert.setString(7, headHash);
        insert.setString(8, hash);
        insert.executeUpdate();
      }
      try (PreparedStatement move = c.prepareStatement(
          "update audit_head set head_seq = ?, head_hash = ? where id = 1")) {
        move.setLong(1, seq);
        move.setString(2, hash);
        move.executeUpdate();
      }
      return new AuditEntry(seq, record, headHash, hash);
    });
  }

  @Override
  public List<AuditEntry> find(AuditQuery q) {
    StringBuilder where = new StringBuilder(" where seq > ?");
    List<Object> args = new ArrayList<>();
    args.add(q.afterSeq());
    if (q.from() != null) {
      where.append(" and recorded_at >= ?");
      args.add(q.from());
    }
    if (q.to() != null) {
      where.append(" and recorded_at < ?");
      args.add(q.to());
    }
    if (q.actor() != null) {
      where.append(" and actor = ?");
      args.add(q.actor());
    }
    if (q.action() != null) {
      where.append(" and action = ?");
      args.add(q.action());
    }
    String statement = "select " + COLUMNS + " from audit_log" + where + " order by seq limit ?";
    args.add(q.limit());
    return sql.read(c -> {
      try (PreparedStatement ps = c.prepareStatement(statement)) {
        for (int i = 0; i < args.size(); i++) {
          Object a = args.get(i);
          if (a instanceof java.time.Instant t) {
            Sql.setInstant(ps, i + 1, t);
          } else {
            ps.setObject(i + 1, a);
          }
        }
        return entries(ps);
      }
    });
  }

  @Override
  public List<AuditEntry> after(long afterSeq, int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be positive, not " + limit);
    }
    return sql.read(c -> {
      try (PreparedStatement ps = c.prepareStatement("select " + COLUMNS
          + " from audit_log where seq > ? order by seq limit ?")) {
        ps.setLong(1, afterSeq);
        ps.setInt(2, limit);
        return entries(ps);
      }
    });
  }

  @Override
  public Optional<AuditHead> head() {
    return sql.read(c -> {
      try (PreparedStatement ps = c.prepareStatement("select head_seq, head_hash from audit_head where id = 1");
          ResultSet rs = ps.executeQuery()) {
        if (!rs.next() || rs.getLong(1) == 0) {
          return Optional.empty();
        }
        return Optional.of(new AuditHead(rs.getLong(1), rs.getString(2)));
      }
    });
  }

  private static List<AuditEntry> entries(PreparedStatement ps) throws SQLException {
    List<AuditEntry> out = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        AuditRecord r = new AuditRecord(Sql.instant(rs, "recorded_at"), rs.getString("actor"), rs.getString("action"),
            rs.getString("target"), rs.getString("outcome"));
        out.add(new AuditEntry(rs.getLong("seq"), r, rs.getString("previous_hash"), rs.getString("entry_hash")));
      }
    }
    return out;
  }
}
