package io.shopsense.store.jdbc;

import io.shopsense.api.Slice;
import io.shopsense.api.id.PersonId;
import io.shopsense.api.profile.ProfileFacts;
import io.shopsense.api.profile.ProfileQuery;
import io.shopsense.api.profile.ProfileStore;
import io.shopsense.api.profile.RfmCell;
import io.shopsense.api.profile.StoredProfile;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The profiles in the {@code profiles} table (the state as bytes, the facts as columns) and the named documents in
 * {@code profile_settings}. Thread-safe; each call is one transaction. Writes are JDBC batches in person id order (so
 * that concurrent writers lock rows in one order); an upsert updates the rows present, then inserts the absent ones
 * (see {@link Sql#upsert}). Listings and scans page by person id (keyset), in binary (Java {@link String}) order on
 * both backends; a scan reads one page at a time with no connection held while the sink runs, so it needs memory for
 * a page, not for every profile, and the sink may use the stores. A scan is no snapshot: a profile written during it
 * is seen or not depending on where the scan is, but none is seen twice. Facts are kept as
 * {@link ProfileFactColumns} says; instants to the microsecond.
 */
final class JdbcProfileStore implements ProfileStore {
  /** Rows per page of {@link #scanFacts}: facts are a few hundred bytes each. */
  static final int FACTS_PAGE = 5_000;
  /** Rows per page of {@link #scan}: states may be kilobytes each. */
  static final int PROFILES_PAGE = 1_000;
  private static final String COLUMNS = "person_id, state, " + ProfileFactColumns.NAMES + ", updated_at";

  private final Sql sql;

  JdbcProfileStore(Sql sql) {
    this.sql = sql;
  }

  @Override
  public Optional<StoredProfile> get(PersonId person) {
    return sql.read(c -> {
      try (PreparedStatement ps = c.prepareStatement("select " + COLUMNS + " from profiles where person_id = ?")) {
        ps.setString(1, person.value());
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? Optional.of(profile(rs)) : Optional.<StoredProfile>empty();
        }
      }
    });
  }

  @Override
  public Map<PersonId, StoredProfile> getAll(Collection<PersonId> persons) {
    List<String> ids = new ArrayList<>(new TreeSet<>(persons.stream().map(PersonId::value).toList()));
    if (ids.isEmpty()) {
      return Map.of();
    }
    return sql.read(c -> {
      Map<PersonId, StoredProfile> found = new HashMap<>();
      for (int from = 0; from < ids.size(); from += Sql.IN_LIST) {
        List<String> chunk = ids.subList(from, Math.min(ids.size(), from + Sql.IN_LIST));
        try (PreparedStatement ps = c.prepareStatement("select " + COLUMNS + " from profiles where person_id in ("
            + Sql.placeholders(chunk.size()) + ")")) {
          for (int i = 0; i < chunk.size(); i++) {
            ps.setString(i + 1, chunk.get(i));
          }
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              StoredProfile p = profile(rs);
              found.put(p.person(), p);
            }
          }
        }
      }
      return found;
    });
  }

  /** Of two profiles of one person in the call, the later wins. */
  @Override
  public void putAll(Collection<StoredProfile> profiles) {
    Map<String, StoredProfile> byPerson = new TreeMap<>();
    profiles.forEach(p -> byPerson.put(p.person().value(), p));
    if (byPerson.isEmpty()) {
      return;
    }
    List<StoredProfile> rows = List.copyOf(byPerson.values());
    sql.upsert(c -> {
      int[] updated;
      try (PreparedStatement update = c.prepareStatement("update profiles set state = ?, "
          + ProfileFactColumns.ASSIGNMENTS + ", updated_at = ? where person_id = ?")) {
        for (StoredProfile p : rows) {
          update.setBytes(1, p.state());
          ProfileFactColumns.bind(update, 2, p.facts());
          Sql.setInstant(update, 2 + ProfileFactColumns.COUNT, p.updatedAt());
          update.setString(3 + ProfileFactColumns.COUNT, p.person().value());
          update.addBatch();
        }
        updated = update.executeBatch();
      }
      List<StoredProfile> absent = new ArrayList<>();
      for (int i = 0; i < rows.size(); i++) {
        if (updated[i] == 0) { // both drivers count updated rows (only inserts are rewritten into one statement)
          absent.add(rows.get(i));
        }
      }
      if (!absent.isEmpty()) {
        try (PreparedStatement insert = c.prepareStatement("insert into profiles (" + COLUMNS + ") values ("
            + Sql.placeholders(ProfileFactColumns.COUNT + 3) + ")")) {
          for (StoredProfile p : absent) {
            insert.setString(1, p.person().value());
            insert.setBytes(2, p.state());
            ProfileFactColumns.bind(insert, 3, p.facts());
            Sql.setInstant(insert, 3 + ProfileFactColumns.COUNT, p.updatedAt());
            insert.addBatch();
          }
          insert.executeBatch();
        }
      }
      return null;
    });
  }

  @Override
  public void putFacts(Map<PersonId, ProfileFacts> facts, Instant at) {
    Map<String, ProfileFacts> byPerson = new TreeMap<>();
    facts.forEach((person, f) -> byPerson.put(person.value(), f));
    if (byPerson.isEmpty()) {
      return;
    }
    sql.tx(c -> {
      try (PreparedStatement update = c.prepareStatement("update profiles set " + ProfileFactColumns.ASSIGNMENTS
          + ", updated_at = ? where person_id = ?")) {
        for (Map.Entry<String, ProfileFacts> e : byPerson.entrySet()) {
          ProfileFactColumns.bind(update, 1, e.getValue());
          Sql.setInstant(update, 1 + ProfileFactColumns.COUNT, at);
          update.setString(2 + ProfileFactColumns.COUNT, e.getKey());
          update.addBatch();
        }
        update.executeBatch();
      }
      return null;
    });
  }

  @Override
  public void deleteAll(Collection<PersonId> persons) {
    TreeSet<String> ids = new TreeSet<>(persons.stream().map(PersonId::value).toList());
    if (ids.isEmpty()) {
      return;
    }
    sql.tx(c -> {
      try (PreparedStatement delete = c.prepareStatement("delete from profiles where person_id = ?")) {
        for (String id : ids) {
          delete.setString(1, id);
          delete.addBatch();
        }
        delete.executeBatch();
      }
      return null;
    });
  }

  /** The cursor is the last person id of the page, present only when another page follows. */
  @Override
  public Slice<StoredProfile> list(ProfileQuery query) {
    List<String> conditions = new ArrayList<>();
    List<String> values = new ArrayList<>();
    if (query.lifecycleStage() != null) {
      conditions.add("lifecycle_stage = ?");
      values.add(query.lifecycleStage());
    }
    if (query.rfmSegment() != null) {
      conditions.add("rfm_segment = ?");
      values.add(query.rfmSegment());
    }
    if (query.after() != null) {
      conditions.add("person_id > ?");
      values.add(query.after());
    }
    String statement = "select " + COLUMNS + " from profiles"
        + (conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions))
        + " order by person_id limit ?";
    int limit = query.limit();
    List<StoredProfile> rows = sql.read(c -> {
      try (PreparedStatement ps = c.prepareStatement(statement)) {
        for (int i = 0; i < values.size(); i++) {
          ps.setString(i + 1, values.get(i));
        }
        ps.setInt(values.size() + 1, limit + 1); // one more than asked tells whether a next page follows
        List<StoredProfile> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(profile(rs));
          }
        }
        return out;
      }
    });
    if (rows.size() <= limit) {
      return new Slice<>(rows, null);
    }
    List<StoredProfile> page = rows.subList(0, limit);
    return new Slice<>(page, page.get(limit - 1).person().value());
  }

  @Override
  public void scanFacts(BiConsumer<PersonId, ProfileFacts> sink) {
    String columns = "person_id, " + ProfileFactColumns.NAMES;
    scanPages(columns, FACTS_PAGE, rs -> Map.entry(PersonId.of(rs.getString("person_id")),
        ProfileFactColumns.read(rs)), e -> sink.accept(e.getKey(), e.getValue()), e -> e.getKey().value());
  }

  @Override
  public void scan(Consumer<StoredProfile> sink) {
    scanPages(COLUMNS, PROFILES_PAGE, JdbcProfileStore::profile, sink, p -> p.person().value());
  }

  private interface RowReader<T> {
    T read(ResultSet rs) throws SQLException;
  }

  /** Hands every row to the sink in person id order, a page read at a time (keyset on the person id). */
  private <T> void scanPages(String columns, int pageSize, RowReader<T> reader, Consumer<T> sink,
      Function<T, String> key) {
    String first = "select " + columns + " from profiles order by person_id limit ?";
    String next = "select " + columns + " from profiles where person_id > ? order by person_id limit ?";
    String after = null;
    while (true) {
      String cursor = after;
      List<T> page = sql.read(c -> {
        try (PreparedStatement ps = c.prepareStatement(cursor == null ? first : next)) {
          int i = 1;
          if (cursor != null) {
            ps.setString(i++, cursor);
          }
          ps.setInt(i, pageSize);
          ps.setFetchSize(pageSize);
          List<T> out = new ArrayList<>(Math.min(pageSize, 1024));
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              out.add(reader.read(rs));
            }
          }
          return out;
        }
      });
      page.forEach(sink);
      if (page.size() < pageSize) {
        return;
      }
      after = key.apply(page.get(page.size() - 1));
    }
  }

  @Override
  public long count() {
    return sql.read(c -> {
      try (PreparedStatement ps = c.prepareStatement("select count(*) from profiles");
          ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    });
  }

  /** In stage key order. */
  @Override
  public Map<String, Long> countByStage() {
    return sql.read(c -> {
      try (PreparedStatement ps = c.prepareStatement("select lifecycle_stage, count(*) from profiles "
          + "group by lifecycle_stage");
          ResultSet rs = ps.executeQuery()) {
        Map<String, Long> counts = new TreeMap<>();
        while (rs.next()) {
          counts.put(rs.getString(1), rs.getLong(2));
        }
        return counts;
      }
    });
  }

  /** In recency, frequency, monetary order; cells without profiles are left out. */
  @Override
  public Map<RfmCell, Long> rfmGrid() {
    return sql.read(c -> {
      try (PreparedStatement ps = c.prepareStatement("select recency, frequency, monetary, count(*) from profiles "
          + "where recency is not null and frequency is not null and monetary is not null "
          + "group by recency, frequency, monetary order by recency, frequency, monetary");
          ResultSet rs = ps.executeQuery()) {
        Map<RfmCell, Long> grid = new LinkedHashMap<>();
        while (rs.next()) {
          grid.put(new RfmCell(rs.getInt(1), rs.getInt(2), rs.getInt(3)), rs.getLong(4));
        }
        return grid;
      }
    });
  }

  @Override
  public Optional<String> setting(String key) {
    return sql.read(c -> {
      try (PreparedStatement ps = c.prepareStatement("select setting_value from profile_settings "
          + "where setting_key = ?")) {
        ps.setString(1, key);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
        }
      }
    });
  }

  @Override
  public void putSetting(String key, String value) {
    if (key == null || value == null) {
      throw new IllegalArgumentException("a setting needs a key and a value");
    }
    sql.upsert(c -> {
      try (PreparedStatement update = c.prepareStatement("update profile_settings set setting_value = ? "
          + "where setting_key = ?")) {
        update.setString(1, value);
        update.setString(2, key);
        if (update.executeUpdate() > 0) {
          return null;
        }
      }
      try (PreparedStatement insert = c.prepareStatement("insert into profile_settings (setting_key, setting_value) "
          + "values (?, ?)")) {
        insert.setString(1, key);
        insert.setString(2, value);
        insert.executeUpdate();
      }
      return null;
    });
  }

  private static StoredProfile profile(ResultSet rs) throws SQLException {
    return new StoredProfile(PersonId.of(rs.getString("person_id")), rs.getBytes("state"),
        ProfileFactColumns.read(rs), Sql.instant(rs, "updated_at"));
  }
}
