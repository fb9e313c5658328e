package io.shopsense.store.jdbc;

import io.shopsense.api.event.Properties;
import io.shopsense.api.id.PersonId;
import io.shopsense.api.identity.TraitStore;
import io.shopsense.core.json.JsonCodec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The traits in the {@code traits} table, one row per person and trait with its JSON value and {@code as_of}.
 * Thread-safe. A write inserts the row if absent, then replaces it only where the stored {@code as_of} is not newer,
 * so out-of-order and concurrent updates settle on the newest value. A JSON null is stored like any value: it says the
 * shop cleared the trait, and an older value cannot come back over it.
 */
final class JdbcTraitStore implements TraitStore {
  private final Sql sql;

  JdbcTraitStore(Sql sql) {
    this.sql = sql;
  }

  private record Trait(String name, String json, Instant asOf) {}

  @Override
  public void set(PersonId person, Properties traits, Instant asOf) {
    if (traits.isEmpty()) {
      return;
    }
    List<Trait> rows = new ArrayList<>();
    // in name order, so that concurrent writers lock rows in one order
    new TreeMap<>(traits.values()).forEach((name, value) -> rows.add(new Trait(name, JsonCodec.text(value), asOf)));
    sql.tx(c -> {
      write(c, person, rows, true);
      return null;
    });
  }

  @Override
  public Properties get(PersonId person) {
    return sql.read(c -> {
      Map<String, Object> values = new LinkedHashMap<>();
      for (Trait t : traits(c, person)) {
        values.put(t.name(), JsonCodec.toValue(JsonCodec.parse(t.json())));
      }
      return values.isEmpty() ? Properties.EMPTY : new Properties(values);
    });
  }

  /** One query per hundred persons, for segment evaluation over many profiles. */
  @Override
  public Map<PersonId, Properties> getAll(java.util.Collection<PersonId> persons) {
    List<PersonId> all = new ArrayList<>(new java.util.LinkedHashSet<>(persons));
    if (all.isEmpty()) {
      return Map.of();
    }
    return sql.read(c -> {
      Map<PersonId, Map<String, Object>> values = new java.util.HashMap<>();
      for (int from = 0; from < all.size(); from += Sql.IN_LIST) {
        List<PersonId> chunk = all.subList(from, Math.min(all.size(), from + Sql.IN_LIST));
        try (PreparedStatement ps = c.prepareStatement("select person_id, trait_name, trait_json from traits "
            + "where person_id in (" + Sql.placeholders(chunk.size()) + ") order by person_id, trait_name")) {
          for (int i = 0; i < chunk.size(); i++) {
            ps.setString(i + 1, chunk.get(i).value());
          }
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              values.computeIfAbsent(PersonId.of(rs.getString(1)), p -> new LinkedHashMap<>())
                  .put(rs.getString(2), JsonCodec.toValue(JsonCodec.parse(rs.getString(3))));
            }
          }
        }
      }
      Map<PersonId, Properties> out = new java.util.HashMap<>();
      values.forEach((p, v) -> out.put(p, new Properties(v)));
      return out;
    });
  }

  /** Newer values of {@code from} replace those of {@code to}; on a tie {@code to} keeps its own. Idempotent. */
  @Override
  public void merge(PersonId from, PersonId to) {
    if (from.equals(to)) {
      return;
    }
    sql.tx(c -> {
      List<Trait> moving = traits(c, from);
      if (moving.isEmpty()) {
        return null;
      }
      write(c, to, moving, false);
      try (PreparedStatement ps = c.prepareStatement("delete from traits where person_id = ?")) {
        ps.setString(1, from.value());
        ps.executeUpdate();
      }
      return null;
    });
  }

  /**
   * Replaces stored traits that are older (or, with {@code tieWins}, as old), then inserts those that were not stored.
   * Updating first keeps the common case (a trait sent again) free of the insert's key conflict, which H2 pays for
   * with an exception; a trait whose update changed nothing is absent or newer, and the insert skips the newer.
   */
  private static void write(Connection c, PersonId person, List<Trait> rows, boolean tieWins) throws SQLException {
    int[] updated;
    try (PreparedStatement update = c.prepareStatement("update traits set trait_json = ?, as_of = ? "
        + "where person_id = ? and trait_name = ? and as_of " + (tieWins ? "<=" : "<") + " ?")) {
      for (Trait t : rows) {
        update.setString(1, t.json());
        Sql.setInstant(update, 2, t.asOf());
        update.setString(3, person.value());
        update.setString(4, t.name());
        Sql.setInstant(update, 5, t.asOf());
        update.addBatch();
      }
      updated = update.executeBatch();
    }
    boolean inserts = false;
    try (PreparedStatement insert = c.prepareStatement("insert into traits (person_id, trait_name, trait_json, as_of) "
        + "values (?, ?, ?, ?) on conflict do nothing")) {
      for (int i = 0; i < rows.size(); i++) {
        if (updated[i] < 1) { // 0: absent or newer; SUCCESS_NO_INFO: unknown, and the insert is safe either way
          Trait t = rows.get(i);
          insert.setString(1, person.value());
          insert.setString(2, t.name());
          insert.setString(3, t.json());
          Sql.setInstant(insert, 4, t.asOf());
          insert.addBatch();
          inserts = true;
        }
      }
      if (inserts) {
        insert.executeBatch();
      }
    }
  }

  private static List<Trait> traits(Connection c, PersonId person) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("select trait_name, trait_json, as_of from traits "
        + "where person_id = ? order by trait_name")) {
      ps.setString(1, person.value());
      List<Trait> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new Trait(rs.getString(1), rs.getString(2), Sql.instant(rs, "as_of")));
        }
      }
      return out;
    }
  }

  @Override
  public long erase(java.util.Collection<PersonId> persons) {
    return PersonErasure.deleteByPerson(sql, "traits", "person_id", persons);
  }
}
