package io.shopsense.store.jdbc;

import io.shopsense.api.id.PersonId;
import io.shopsense.api.profile.ProfileChange;
import io.shopsense.api.profile.ProfileChanges;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The feed of profile changes in the {@code profile_changes} table, numbered by its identity column. Thread-safe;
 * each call is one transaction, an append one JDBC batch. With one writer at a time (as the port has it) the numbers
 * increase in commit order, so a reader after a number misses nothing; numbers may have gaps (a rolled-back append
 * uses some up, and H2 hands them out in blocks). The flow report counts per UTC day by the epoch day of each change,
 * {@code floor(extract(epoch from changed_at) / 86400)}: the same on both backends whatever the session's time zone,
 * unlike a cast to {@code date}, which H2 makes in the session's zone even after {@code at time zone 'UTC'}.
 */
final class JdbcProfileChanges implements ProfileChanges {
  private static final String COLUMNS = "seq, person_id, kind, from_value, to_value, changed_at";
  private static final long SECONDS_PER_DAY = 86_400;

  private final Sql sql;

  JdbcProfileChanges(Sql sql) {
    this.sql = sql;
  }

  @Override
  public void append(Collection<ProfileChange> changes) {
    if (changes.isEmpty()) {
      return;
    }
    List<ProfileChange> rows = List.copyOf(changes);
    sql.tx(c -> {
      try (PreparedStatement insert = c.prepareStatement("insert into profile_changes (person_id, kind, from_value, "
          + "to_value, changed_at) values (?, ?, ?, ?, ?)")) {
        for (ProfileChange change : rows) {
          insert.setString(1, change.person().value());
          insert.setString(2, change.kind().name());
          insert.setString(3, change.from());
          insert.setString(4, change.to());
          Sql.setInstant(insert, 5, change.at());
          insert.addBatch();
        }
        insert.executeBatch();
      }
      return null;
    });
  }

  @Override
  public List<ProfileChange> after(long seq, int limit) {
    requirePositive(limit);
    return query("select " + COLUMNS + " from profile_changes where seq > ? order by seq limit ?", ps -> {
      ps.setLong(1, seq);
      ps.setInt(2, limit);
    });
  }

  @Override
  public List<ProfileChange> of(PersonId person, int limit) {
    requirePositive(limit);
    return query("select " + COLUMNS + " from profile_changes where person_id = ? order by seq desc limit ?", ps -> {
      ps.setString(1, person.value());
      ps.setInt(2, limit);
    });
  }

  /** Ordered by day, then {@code from}, then {@code to} (nulls last). */
  @Override
  public List<FlowCount> flows(ProfileChange.Kind kind, Instant from, Instant to) {
    if (from == null || to == null) {
      throw new IllegalArgumentException("flows need a time range");
    }
    return sql.read(c -> {
      try (PreparedStatement ps = c.prepareStatement("select epoch_day, from_value, to_value, count(*) from ("
          + " select floor(extract(epoch from changed_at) / " + SECONDS_PER_DAY + ") as epoch_day, from_value, "
          + "to_value from profile_changes where kind = ? and changed_at >= ? and changed_at < ?) c"
          + " group by epoch_day, from_value, to_value order by epoch_day, from_value, to_value")) {
        ps.setString(1, kind.name());
        Sql.setInstant(ps, 2, from);
        Sql.setInstant(ps, 3, to);
        List<FlowCount> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(new FlowCount(LocalDate.ofEpochDay(rs.getLong(1)), rs.getString(2), rs.getString(3),
                rs.getLong(4)));
          }
        }
        return out;
      }
    });
  }

  @Override
  public void reassign(PersonId merged, PersonId survivor) {
    if (merged.equals(survivor)) {
      return;
    }
    sql.tx(c -> {
      try (PreparedStatement ps = c.prepareStatement("update profile_changes set person_id = ? where person_id = ?")) {
        ps.setString(1, survivor.value());
        ps.setString(2, merged.value());
        ps.executeUpdate();
      }
      return null;
    });
  }

  private interface Binder {
    void bind(PreparedStatement ps) throws SQLException;
  }

  private List<ProfileChange> query(String statement, Binder binder) {
    return sql.read(c -> {
      try (PreparedStatement ps = c.prepareStatement(statement)) {
        binder.bind(ps);
        List<ProfileChange> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(new ProfileChange(rs.getLong("seq"), PersonId.of(rs.getString("person_id")),
                kind(rs.getString("kind")), rs.getString("from_value"), rs.getString("to_value"),
                Sql.instant(rs, "changed_at")));
          }
        }
        return out;
      }
    });
  }

  private static ProfileChange.Kind kind(String name) {
    try {
      return ProfileChange.Kind.valueOf(name);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("unknown profile change kind in the feed: " + name, e);
    }
  }

  private static void requirePositive(int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be positive, not " + limit);
    }
  }

  @Override
  public long erase(Collection<PersonId> persons) {
    return PersonErasure.deleteByPerson(sql, "profile_changes", "person_id", persons);
  }
}
