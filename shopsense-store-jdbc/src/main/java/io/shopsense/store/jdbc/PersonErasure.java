package io.shopsense.store.jdbc;

import io.shopsense.api.id.PersonId;
import io.shopsense.api.identity.ErasedIdentity;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The SQL of a data-subject erasure, for the stores of this module: each store's {@code erase} method calls one of
 * these. Deletes by person id in chunks of {@link Sql#IN_LIST}, each store in one transaction.
 */
final class PersonErasure {
  private PersonErasure() {}

  /** Deletes the rows of {@code table} whose {@code column} names one of the persons; returns how many. */
  static long deleteByPerson(Sql sql, String table, String column, Collection<PersonId> persons) {
    List<String> ids = persons.stream().map(PersonId::value).distinct().toList();
    if (ids.isEmpty()) {
      return 0;
    }
    return sql.tx(c -> deleteIn(c, table, column, ids));
  }

  private static long deleteIn(Connection c, String table, String column, List<String> values) throws SQLException {
    long deleted = 0;
    for (int from = 0; from < values.size(); from += Sql.IN_LIST) {
      List<String> chunk = values.subList(from, Math.min(values.size(), from + Sql.IN_LIST));
      try (PreparedStatement ps = c.prepareStatement("delete from " + table + " where " + column + " in ("
          + Sql.placeholders(chunk.size()) + ")")) {
        for (int i = 0; i < chunk.size(); i++) {
          ps.setString(i + 1, chunk.get(i));
        }
        deleted += ps.executeUpdate();
      }
    }
    return deleted;
  }

  /** See {@link io.shopsense.api.identity.IdentityGraph#erase}. */
  static ErasedIdentity identity(Sql sql, PersonId person) {
    return sql.tx(c -> {
      // the person and every person merged into it, directly or through others, plus any person that resolves to it
      Set<String> persons = new LinkedHashSet<>();
      try (PreparedStatement ps = c.prepareStatement("with recursive tree(person_id) as ("
          + " select cast(? as varchar(200))"
          + " union all select m.merged_id from merges m join tree t on m.survivor_id = t.person_id)"
          + " select person_id from tree union select person_id from persons where resolves_to = ?")) {
        ps.setString(1, person.value());
        ps.setString(2, person.value());
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            persons.add(rs.getString(1));
          }
        }
      }
      List<String> ids = new ArrayList<>(persons);
      List<String> values = new ArrayList<>();
      for (int from = 0; from < ids.size(); from += Sql.IN_LIST) {
        List<String> chunk = ids.subList(from, Math.min(ids.size(), from + Sql.IN_LIST));
        try (PreparedStatement ps = c.prepareStatement("select id_value from identifiers where person_id in ("
            + Sql.placeholders(chunk.size()) + ")")) {
          for (int i = 0; i < chunk.size(); i++) {
            ps.setString(i + 1, chunk.get(i));
          }
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              values.add(rs.getString(1));
            }
          }
        }
      }
      long refusals = deleteIn(c, "merge_refusals", "person_id", ids) + deleteIn(c, "merge_refusals", "other_id", ids)
          // a refusal of another person may name one of this person's identifiers
          + deleteIn(c, "merge_refusals", "id_value", values);
      long merges = deleteIn(c, "merges", "survivor_id", ids) + deleteIn(c, "merges", "merged_id", ids);
      long identifiers = deleteIn(c, "identifiers", "person_id", ids);
      long rows = deleteIn(c, "persons", "person_id", ids);
      List<PersonId> erased = rows == 0 && identifiers == 0 ? List.of() : ids.stream().map(PersonId::of).toList();
      return new ErasedIdentity(erased, identifiers, merges, refusals);
    });
  }

  /** See {@link io.shopsense.api.collect.Quarantine#eraseContaining}. */
  static List<Long> quarantine(Sql sql, Collection<String> values) {
    List<String> needles = values.stream().filter(v -> v != null && !v.isBlank()).distinct().toList();
    if (needles.isEmpty()) {
      return List.of();
    }
    return sql.tx(c -> {
      Set<Long> ids = new LinkedHashSet<>();
      // position() rather than like: no wildcard in a value can widen the match; the same on H2 and PostgreSQL;
      // lower case on both sides, since a raw record may spell an email or id in another case than the graph
      try (PreparedStatement ps = c.prepareStatement("select id from quarantine where position(? in lower(raw)) > 0"
          + " or position(? in lower(origin)) > 0 or position(? in lower(detail)) > 0 or position(? in lower(note)) > 0"
          + " order by id")) {
        for (String n : needles) {
          for (int i = 1; i <= 4; i++) {
            ps.setString(i, n.toLowerCase(java.util.Locale.ROOT));
          }
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              ids.add(rs.getLong(1));
            }
          }
        }
      }
      List<Long> out = new ArrayList<>(ids);
      try (PreparedStatement ps = c.prepareStatement("delete from quarantine where id = ?")) {
        for (long id : out) {
          ps.setLong(1, id);
          ps.addBatch();
        }
        ps.executeBatch();
      }
      return out;
    });
  }
}
