package io.shopsense.store.jdbc.campaign;

import io.shopsense.store.jdbc.JdbcStoreException;
import io.shopsense.store.jdbc.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javax.sql.DataSource;

/**
 * The JDBC habits of this package, as the stores' {@code Sql} has them: a write is one transaction, instants are
 * written in UTC to the microsecond, a {@link SQLException} surfaces as a {@link JdbcStoreException}, key lookups go
 * in {@code IN} lists of {@link #IN_LIST}.
 */
final class CampaignSql {
  static final int IN_LIST = 500;

  @FunctionalInterface
  interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  private final Sql sql;

  CampaignSql(DataSource dataSource) {
    if (dataSource == null) {
      throw new IllegalArgumentException("a campaign store needs the stores' data source");
    }
    this.sql = new Sql(dataSource);
  }

  /** On the stores' own {@link Sql}, so that calls inside one of their units of work join it. */
  CampaignSql(Sql sql) {
    this.sql = sql;
  }

  <T> T tx(Work<T> work) {
    return sql.tx(work::run);
  }

  /** {@link #tx}, run once more if it failed on a unique violation (another writer inserted the same key). */
  <T> T txRetryingOnce(Work<T> work) {
    try {
      return tx(work);
    } catch (JdbcStoreException e) {
      if (e.getCause() instanceof SQLException s && Sql.isUniqueViolation(s)) {
        return tx(work);
      }
      throw e;
    }
  }

  <T> T read(Work<T> work) {
    return sql.read(work::run);
  }

  static JdbcStoreException failure(SQLException e) {
    return Sql.failure(e);
  }

  static Instant stored(Instant instant) {
    return Sql.stored(instant);
  }

  static void setInstant(PreparedStatement ps, int index, Instant instant) throws SQLException {
    Sql.setInstant(ps, index, instant);
  }

  static Instant instant(ResultSet rs, String column) throws SQLException {
    return Sql.instant(rs, column);
  }

  static String placeholders(int n) {
    return Sql.placeholders(n);
  }

  /** The values in slices of at most {@link #IN_LIST}. */
  static <T> List<List<T>> slices(Collection<T> values) {
    List<T> all = values instanceof List<T> l ? l : new ArrayList<>(values);
    List<List<T>> out = new ArrayList<>();
    for (int i = 0; i < all.size(); i += IN_LIST) {
      out.add(all.subList(i, Math.min(all.size(), i + IN_LIST)));
    }
    return out;
  }
}
