package io.shopsense.store.jdbc.delivery;

import io.shopsense.store.jdbc.JdbcStoreException;
import io.shopsense.store.jdbc.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import javax.sql.DataSource;

/**
 * The JDBC habits of the delivery stores, as the module's other stores have them: one call is one transaction on one
 * pooled connection, instants are written in UTC to the microsecond, an {@link SQLException} surfaces as a
 * {@link JdbcStoreException}.
 */
final class Db {

  @FunctionalInterface
  interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  private final Sql sql;

  Db(Sql sql) {
    this.sql = sql;
  }

  Db(DataSource dataSource) {
    if (dataSource == null) {
      throw new IllegalArgumentException("the delivery stores need a data source");
    }
    this.sql = new Sql(dataSource);
  }

  <T> T tx(Work<T> work) {
    return sql.tx(work::run);
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

  static void requireText(String value, String what) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(what + " must not be blank");
    }
  }
}
