package io.shopsense.store.jdbc;

import io.shopsense.api.Slice;
import io.shopsense.api.id.PersonId;
import io.shopsense.api.profile.SegmentDefinition;
import io.shopsense.api.profile.SegmentStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Segments in the {@code segments}, {@code segment_members} and {@code segment_sizes} tables. Thread-safe; each call
 * is one transaction, membership changes one JDBC batch in person id order. Definitions are listed, and members paged,
 * by id in binary (Java {@link String}) order on both backends; a member's cursor is the last person id of a page,
 * present only when another page follows.
 *
 * <p>Decisions the port leaves open: a person made a member again keeps the {@code since} of when it joined; making
 * persons members of, or recording a size for, a segment that is not defined is an {@link IllegalArgumentException}
 * (a foreign key makes sure of it, so a segment deleted while its members are being written is not filled again);
 * a size recorded again at the same instant replaces the first.
 */
final class JdbcSegmentStore implements SegmentStore {
  private static final String COLUMNS = "segment_id, name, description, rule, created_at, updated_at, version";

  private final Sql sql;

  JdbcSegmentStore(Sql sql) {
    this.sql = sql;
  }

  @Override
  public List<SegmentDefinition> definitions() {
    return sql.read(c -> {
      try (PreparedStatement ps = c.prepareStatement("select " + COLUMNS + " from segments order by segment_id");
          ResultSet rs = ps.executeQuery()) {
        List<SegmentDefinition> out = new ArrayList<>();
        while (rs.next()) {
          out.add(definition(rs));
        }
        return out;
      }
    });
  }

  @Override
  public Optional<SegmentDefinition> definition(String id) {
    return sql.read(c -> {
      try (PreparedStatement ps = c.prepareStatement("select " + COLUMNS + " from segments where segment_id = ?")) {
        ps.setString(1, id);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? Optional.of(definition(rs)) : Optional.<SegmentDefinition>empty();
        }
      }
    });
  }

  @Override
  public void save(SegmentDefinition d) {
    sql.upsert(c -> {
      try (PreparedStatement update = c.prepareStatement("update segments set name = ?, description = ?, rule = ?, "
          + "created_at = ?, updated_at = ?, version = ? where segment_id = ?")) {
        bindFields(update, 1, d);
        update.setString(7, d.id());
        if (update.executeUpdate() > 0) {
          return null;
        }
      }
      try (PreparedStatement insert = c.prepareStatement("insert into segments (name, description, rule, created_at, "
          + "updated_at, version, segment_id) values (?, ?, ?, ?, ?, ?, ?)")) {
        bindFields(insert, 1, d);
        insert.setString(7, d.id());
        insert.executeUpdate();
      }
      return null;
    });
  }

  private static void bindFields(PreparedStatement ps, int at, SegmentDefinition d) throws SQLException {
    ps.setString(at, d.name());
    ps.setString(at + 1, d.description());
    ps.setString(at + 2, d.rule());
    Sql.setInstant(ps, at + 3, d.createdAt());
    Sql.setInstant(ps, at + 4, d.updatedAt());
    ps.setLong(at + 5, d.version());
  }

  @Override
  public boolean delete(String id) {
    return sql.tx(c -> {
      for (String table : List.of("segment_members", "segment_sizes")) {
        try (PreparedStatement ps = c.prepareStatement("delete from " + table + " where segment_id = ?")) {
          ps.setString(1, id);
          ps.executeUpdate();
        }
      }
      try (PreparedStatement ps = c.prepareStatement("delete from segments where segment_id = ?")) {
        ps.setString(1, id);
        return ps.executeUpdate() > 0;
      }
    });
  }

  /** Each person's segment ids in id order. */
  @Override
  public Map<PersonId, Set<String>> segmentsOf(Collection<PersonId> persons) {
    List<String> ids = sortedIds(persons);
    if (ids.isEmpty()) {
      return Map.of();
    }
    return sql.read(c -> {
      Map<PersonId, Set<String>> out = new TreeMap<>();
      for (int from = 0; from < ids.size(); from += Sql.IN_LIST) {
        List<String> chunk = ids.subList(from, Math.min(ids.size(), from + Sql.IN_LIST));
        try (PreparedStatement ps = c.prepareStatement("select person_id, segment_id from segment_members "
            + "where person_id in (" + Sql.placeholders(chunk.size()) + ")")) {
          for (int i = 0; i < chunk.size(); i++) {
            ps.setString(i + 1, chunk.get(i));
          }
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              out.computeIfAbsent(PersonId.of(rs.getString(1)), p -> new TreeSet<>()).add(rs.getString(2));
            }
          }
        }
      }
      return out;
    });
  }

  @Override
  public void setMembers(String segmentId, Collection<PersonId> persons, boolean member, Instant at) {
    List<String> ids = sortedIds(persons);
    if (ids.isEmpty()) {
      return;
    }
    sql.tx(c -> {
      if (!member) {
        try (PreparedStatement delete = c.prepareStatement("delete from segment_members "
            + "where segment_id = ? and person_id = ?")) {
          for (String id : ids) {
            delete.setString(1, segmentId);
            delete.setString(2, id);
            delete.addBatch();
          }
          delete.executeBatch();
        }
        return null;
      }
      try (PreparedStatement insert = c.prepareStatement("insert into segment_members (segment_id, person_id, since) "
          + "values (?, ?, ?) on conflict do nothing")) {
        for (String id : ids) {
          insert.setString(1, segmentId);
          insert.setString(2, id);
          Sql.setInstant(insert, 3, at);
          insert.addBatch();
        }
        insert.executeBatch();
      } catch (SQLException e) {
        throw unknownSegmentOr(e, segmentId);
      }
      return null;
    });
  }

  @Override
  public void removeFromAll(Collection<PersonId> persons) {
    List<String> ids = sortedIds(persons);
    if (ids.isEmpty()) {
      return;
    }
    sql.tx(c -> {
      for (int from = 0; from < ids.size(); from += Sql.IN_LIST) {
        List<String> chunk = ids.subList(from, Math.min(ids.size(), from + Sql.IN_LIST));
        try (PreparedStatement ps = c.prepareStatement("delete from segment_members where person_id in ("
            + Sql.placeholders(chunk.size()) + ")")) {
          for (int i = 0; i < chunk.size(); i++) {
            ps.setString(i + 1, chunk.get(i));
          }
          ps.executeUpdate();
        }
      }
      return null;
    });
  }

  /** The backend's product name, read once (see {@link #membersQuery}). */
  private volatile String database;

  private String database(java.sql.Connection c) throws SQLException {
    String name = database;
    if (name == null) {
      name = c.getMetaData().getDatabaseProductName();
      database = name;
    }
    return name;
  }

  /**
   * A members page, in an order both backends read straight off the primary key (segment, person), from the cursor
   * to the end of the page: PostgreSQL does so for {@code order by person_id}, but H2 then reads every member past
   * the cursor and sorts them (a broadcast's pages cost O(n²): 100k rows read per page at 100k members). H2 follows
   * the key only for {@code segment_id, person_id} in its own (low) null order, which the connection's
   * {@code DEFAULT_NULL_ORDERING=HIGH} does not match; the columns are not null, so the order is the same. On
   * PostgreSQL {@code nulls first} would forbid the index's order, hence one query per backend.
   */
  static String membersQuery(String database, boolean after) {
    return "select person_id from segment_members where segment_id = ?" + (after ? " and person_id > ?" : "")
        + ("H2".equalsIgnoreCase(database) ? " order by segment_id nulls first, person_id nulls first"
            : " order by person_id") + " limit ?";
  }

  @Override
  public Slice<PersonId> members(String segmentId, String after, int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be positive, not " + limit);
    }
    List<PersonId> rows = sql.read(c -> {
      try (PreparedStatement ps = c.prepareStatement(membersQuery(database(c), after != null))) {
        int i = 1;
        ps.setString(i++, segmentId);
        if (after != null) {
          ps.setString(i++, after);
        }
        ps.setInt(i, limit + 1); // one more than asked tells whether a next page follows
        List<PersonId> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(PersonId.of(rs.getString(1)));
          }
        }
        return out;
      }
    });
    if (rows.size() <= limit) {
      return new Slice<>(rows, null);
    }
    List<PersonId> page = rows.subList(0, limit);
    return new Slice<>(page, page.get(limit - 1).value());
  }

  @Override
  public long size(String segmentId) {
    return sql.read(c -> {
      try (PreparedStatement ps = c.prepareStatement("select count(*) from segment_members where segment_id = ?")) {
        ps.setString(1, segmentId);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          return rs.getLong(1);
        }
      }
    });
  }

  @Override
  public void recordSize(String segmentId, Instant at, long size) {
    sql.upsert(c -> {
      try (PreparedStatement update = c.prepareStatement("update segment_sizes set members = ? "
          + "where segment_id = ? and measured_at = ?")) {
        update.setLong(1, size);
        update.setString(2, segmentId);
        Sql.setInstant(update, 3, at);
        if (update.executeUpdate() > 0) {
          return null;
        }
      }
      try (PreparedStatement insert = c.prepareStatement("insert into segment_sizes (segment_id, measured_at, members) "
          + "values (?, ?, ?)")) {
        insert.setString(1, segmentId);
        Sql.setInstant(insert, 2, at);
        insert.setLong(3, size);
        insert.executeUpdate();
      } catch (SQLException e) {
        throw unknownSegmentOr(e, segmentId);
      }
      return null;
    });
  }

  @Override
  public List<SizePoint> sizeHistory(String segmentId, Instant from, Instant to) {
    return sql.read(c -> {
      try (PreparedStatement ps = c.prepareStatement("select measured_at, members from segment_sizes "
          + "where segment_id = ? and measured_at >= ? and measured_at < ? order by measured_at")) {
        ps.setString(1, segmentId);
        Sql.setInstant(ps, 2, from);
        Sql.setInstant(ps, 3, to);
        List<SizePoint> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(new SizePoint(Sql.instant(rs, "measured_at"), rs.getLong("members")));
          }
        }
        return out;
      }
    });
  }

  private static List<String> sortedIds(Collection<PersonId> persons) {
    return new ArrayList<>(new TreeSet<>(persons.stream().map(PersonId::value).toList()));
  }

  /** The segment is not defined (a missing parent row), or else the database failure as it is. */
  private static SQLException unknownSegmentOr(SQLException e, String segmentId) throws SQLException {
    if (Sql.isMissingParent(e)) {
      throw new IllegalArgumentException("unknown segment " + segmentId + ": save its definition first", e);
    }
    return e;
  }

  private static SegmentDefinition definition(ResultSet rs) throws SQLException {
    return new SegmentDefinition(rs.getString("segment_id"), rs.getString("name"), rs.getString("description"),
        rs.getString("rule"), Sql.instant(rs, "created_at"), Sql.instant(rs, "updated_at"), rs.getLong("version"));
  }
}
