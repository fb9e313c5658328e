package io.shopsense.store.jdbc;

import io.shopsense.api.crypto.FieldCipher;
import io.shopsense.api.crypto.SealedFields;
import io.shopsense.api.event.Properties;
import io.shopsense.api.id.PersonId;
import io.shopsense.api.identity.TraitStore;
import io.shopsense.core.json.JsonCodec;
import io.shopsense.core.profile.PersonalTraits;
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
 *
 * <p>Personal traits ({@link PersonalTraits}) are sealed with the {@link FieldCipher} handed to {@link #protect}: the
 * {@code trait_json} column then holds the sealed text, bound to the person and trait name (a merge opens and seals
 * again for the surviving person). Plain values written before sealing was switched on still read, and
 * {@link #reseal()} seals them.
 */
final class JdbcTraitStore implements TraitStore, SealedFields {
  private static final int RESEAL_PAGE = 500;
  private final Sql sql;
  private volatile FieldCipher cipher = FieldCipher.PLAIN;

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
    new TreeMap<>(traits.values()).forEach((name, value) -> rows.add(new Trait(name, stored(person, name,
        JsonCodec.text(value)), asOf)));
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
        values.put(t.name(), JsonCodec.toValue(JsonCodec.parse(opened(person, t.name(), t.json()))));
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
              PersonId person = PersonId.of(rs.getString(1));
              values.computeIfAbsent(person, p -> new LinkedHashMap<>()).put(rs.getString(2),
                  JsonCodec.toValue(JsonCodec.parse(opened(person, rs.getString(2), rs.getString(3)))));
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
      List<Trait> moving = new ArrayList<>();
      for (Trait t : traits(c, from)) { // a sealed value is bound to its person: open it, seal it for the survivor
        moving.add(new Trait(t.name(), stored(to, t.name(), opened(from, t.name(), t.json())), t.asOf()));
      }
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

  @Override
  public String name() {
    return "traits";
  }

  @Override
  public void protect(FieldCipher cipher) {
    this.cipher = java.util.Objects.requireNonNull(cipher);
  }

  /** The text to store: sealed for a personal trait, the JSON itself for others. */
  private String stored(PersonId person, String name, String json) {
    return PersonalTraits.isPersonal(name) ? cipher.seal(json, binding(person, name)) : json;
  }

  /** The JSON of a stored value; a sealed one is opened whatever its name (the list of personal names may grow). */
  private String opened(PersonId person, String name, String stored) {
    return cipher.isSealed(stored) ? cipher.open(stored, binding(person, name)) : stored;
  }

  /** What a sealed value is bound to; the length prefix keeps "a/b"+"c" apart from "a"+"b/c". */
  private static String binding(PersonId person, String name) {
    return "traits:" + person.value().length() + ":" + person.value() + ":" + name;
  }

  @Override
  public long reseal() {
    long[] rewritten = {0};
    scan(page -> {
      List<String[]> changes = new ArrayList<>();
      for (String[] row : page) { // person, name, stored
        if (PersonalTraits.isPersonal(row[1]) && !cipher.isCurrent(row[2])) {
          PersonId person = PersonId.of(row[0]);
          changes.add(new String[] {row[0], row[1], row[2], cipher.seal(opened(person, row[1], row[2]),
              binding(person, row[1]))});
        }
      }
      if (!changes.isEmpty()) {
        rewritten[0] += sql.tx(c -> {
          try (PreparedStatement ps = c.prepareStatement("update traits set trait_json = ? "
              + "where person_id = ? and trait_name = ? and trait_json = ?")) {
            for (String[] ch : changes) {
              ps.setString(1, ch[3]);
              ps.setString(2, ch[0]);
              ps.setString(3, ch[1]);
              ps.setString(4, ch[2]); // unchanged since read; else a newer write already sealed it
              ps.addBatch();
            }
            int n = 0;
            for (int u : ps.executeBatch()) {
              n += u == PreparedStatement.SUCCESS_NO_INFO ? 1 : Math.max(0, u);
            }
            return n;
          }
        });
      }
    });
    return rewritten[0];
  }

  @Override
  public Census census() {
    long[] counts = new long[3];
    scan(page -> {
      for (String[] row : page) {
        if (!cipher.isSealed(row[2])) {
          if (PersonalTraits.isPersonal(row[1])) {
            counts[0]++;
          }
        } else if (cipher.isCurrent(row[2])) {
          counts[1]++;
        } else {
          counts[2]++;
        }
      }
    });
    return new Census(counts[0], counts[1], counts[2]);
  }

  /** Every row, in pages in key order (keyset pagination: each page one short read, no long-held cursor). */
  private void scan(java.util.function.Consumer<List<String[]>> pageSink) {
    String[] after = {"", ""};
    boolean first = true;
    while (true) {
      boolean firstPage = first;
      List<String[]> page = sql.read(c -> {
        try (PreparedStatement ps = c.prepareStatement("select person_id, trait_name, trait_json from traits"
            + (firstPage ? "" : " where person_id > ? or (person_id = ? and trait_name > ?)")
            + " order by person_id, trait_name limit " + RESEAL_PAGE)) {
          if (!firstPage) {
            ps.setString(1, after[0]);
            ps.setString(2, after[0]);
            ps.setString(3, after[1]);
          }
          List<String[]> rows = new ArrayList<>();
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              rows.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
            }
          }
          return rows;
        }
      });
      if (page.isEmpty()) {
        return;
      }
      pageSink.accept(page);
      String[] last = page.get(page.size() - 1);
      after[0] = last[0];
      after[1] = last[1];
      first = false;
      if (page.size() < RESEAL_PAGE) {
        return;
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
}
