package io.shopsense.store.jdbc;

import io.shopsense.api.id.PersonId;
import io.shopsense.api.privacy.ErasureRegister;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The erasure register in the {@code erased_persons} table. Thread-safe; each call one transaction. */
final class JdbcErasureRegister implements ErasureRegister {
  private final Sql sql;

  JdbcErasureRegister(Sql sql) {
    this.sql = sql;
  }

  @Override
  public void record(PersonId person, Instant at) {
    sql.tx(c -> {
      try (PreparedStatement ps = c.prepareStatement("insert into erased_persons (person_id, erased_at) "
          + "values (?, ?) on conflict do nothing")) {
        ps.setString(1, person.value());
        Sql.setInstant(ps, 2, at);
        ps.executeUpdate();
      }
      return null;
    });
  }

  @Override
  public List<Erased> erasedSince(Instant since) {
    return sql.read(c -> {
      try (PreparedStatement ps = c.prepareStatement("select person_id, erased_at from erased_persons "
          + "where erased_at >= ? order by erased_at, person_id")) {
        Sql.setInstant(ps, 1, since);
        List<Erased> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(new Erased(PersonId.of(rs.getString(1)), Sql.instant(rs, "erased_at")));
          }
        }
        return out;
      }
    });
  }

  @Override
  public boolean isErased(PersonId person) {
    return sql.read(c -> {
      try (PreparedStatement ps = c.prepareStatement("select 1 from erased_persons where person_id = ?")) {
        ps.setString(1, person.value());
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next();
        }
      }
    });
  }
}
