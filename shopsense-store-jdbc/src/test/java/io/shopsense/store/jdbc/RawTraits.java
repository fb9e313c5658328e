package io.shopsense.store.jdbc;

import io.shopsense.api.id.PersonId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.Map;

/** The {@code traits} rows as stored, read and written with plain SQL: what the database holds, keys aside. */
final class RawTraits {
  private RawTraits() {}

  static Map<String, String> read(JdbcStores stores, PersonId person) throws Exception {
    try (Connection c = stores.dataSource().getConnection();
        PreparedStatement ps = c.prepareStatement("select trait_name, trait_json from traits where person_id = ?")) {
      ps.setString(1, person.value());
      Map<String, String> out = new LinkedHashMap<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.put(rs.getString(1), rs.getString(2));
        }
      }
      return out;
    }
  }

  static void write(JdbcStores stores, PersonId person, String trait, String text) throws Exception {
    try (Connection c = stores.dataSource().getConnection()) {
      try (PreparedStatement del = c.prepareStatement("delete from traits where person_id = ? and trait_name = ?")) {
        del.setString(1, person.value());
        del.setString(2, trait);
        del.executeUpdate();
      }
      try (PreparedStatement ps = c.prepareStatement("insert into traits (person_id, trait_name, trait_json, as_of) "
          + "values (?, ?, ?, ?)")) {
        ps.setString(1, person.value());
        ps.setString(2, trait);
        ps.setString(3, text);
        Sql.setInstant(ps, 4, java.time.Instant.parse("2026-01-01T00:00:00Z"));
        ps.executeUpdate();
      }
    }
  }
}
