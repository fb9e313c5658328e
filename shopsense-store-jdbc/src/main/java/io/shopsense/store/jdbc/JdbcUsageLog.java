package io.shopsense.store.jdbc;

import io.shopsense.api.id.PersonId;
import io.shopsense.api.privacy.Purpose;
import io.shopsense.api.privacy.UsageCount;
import io.shopsense.api.privacy.UsageKind;
import io.shopsense.api.privacy.UsageLog;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The usage log in the {@code usage_log} table: one row per person, UTC day, purpose and kind, with its count.
 * Recording merges the counts of the same key first, then adds each to its row (update, else insert; a concurrent
 * first insert of the same row makes the whole transaction run again, see {@link Sql#upsert}). Thread-safe.
 */
final class JdbcUsageLog implements UsageLog {
  private final Sql sql;

  JdbcUsageLog(Sql sql) {
    this.sql = sql;
  }

  private static final java.util.Comparator<UsageCount> ORDER = java.util.Comparator
      .comparing(UsageCount::day, java.util.Comparator.reverseOrder())
      .thenComparing(UsageCount::purpose).thenComparing(UsageCount::kind);

  private record Key(String person, LocalDate day, Purpose purpose, UsageKind kind) {}

  @Override
  public void recordAll(Collection<UsageCount> counts) {
    if (counts.isEmpty()) {
      return;
    }
    Map<Key, Long> merged = new LinkedHashMap<>();
    for (UsageCount u : counts) {
      merged.merge(new Key(u.person().value(), u.day(), u.purpose(), u.kind()), u.count(), Long::sum);
    }
    sql.upsert(c -> {
      try (PreparedStatement update = c.prepareStatement("update usage_log set uses = uses + ? where person_id = ? "
          + "and usage_day = ? and purpose = ? and kind = ?");
          PreparedStatement insert = c.prepareStatement("insert into usage_log (person_id, usage_day, purpose, kind, "
              + "uses) values (?, ?, ?, ?, ?)")) {
        for (Map.Entry<Key, Long> e : merged.entrySet()) {
          Key k = e.getKey();
          update.setLong(1, e.getValue());
          update.setString(2, k.person());
          update.setObject(3, k.day());
          update.setString(4, k.purpose().wireName());
          update.setString(5, k.kind().wireName());
          if (update.executeUpdate() == 0) {
            insert.setString(1, k.person());
            insert.setObject(2, k.day());
            insert.setString(3, k.purpose().wireName());
            insert.setString(4, k.kind().wireName());
            insert.setLong(5, e.getValue());
            insert.executeUpdate();
          }
        }
      }
      return null;
    });
  }

  @Override
  public List<UsageCount> of(PersonId person) {
    return sql.read(c -> {
      try (PreparedStatement ps = c.prepareStatement("select usage_day, purpose, kind, uses from usage_log "
          + "where person_id = ?")) {
        ps.setString(1, person.value());
        List<UsageCount> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(new UsageCount(person, rs.getObject(1, LocalDate.class), purpose(rs.getString(2)),
                kind(rs.getString(3)), rs.getLong(4)));
          }
        }
        // sorted here, not by SQL: the order of the enums, whatever the database's collation does with '_'
        out.sort(ORDER);
        return out;
      }
    });
  }

  @Override
  public long erase(PersonId person) {
    return sql.tx(c -> {
      try (PreparedStatement ps = c.prepareStatement("delete from usage_log where person_id = ?")) {
        ps.setString(1, person.value());
        return (long) ps.executeUpdate();
      }
    });
  }

  private static Purpose purpose(String wire) {
    return Purpose.fromWire(wire).orElseThrow(() -> new IllegalStateException("unknown purpose in usage_log: " + wire));
  }

  private static UsageKind kind(String wire) {
    return UsageKind.fromWire(wire).orElseThrow(() -> new IllegalStateException("unknown kind in usage_log: " + wire));
  }
}
