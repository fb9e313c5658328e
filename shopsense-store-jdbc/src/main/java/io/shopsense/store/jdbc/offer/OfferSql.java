package io.shopsense.store.jdbc.offer;

import io.shopsense.store.jdbc.JdbcStoreException;
import io.shopsense.store.jdbc.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import javax.sql.DataSource;

/**
 * The JDBC habits of the offer stores, as the module's other stores keep them: a write is one transaction, retried
 * (a few times) when it met a unique violation a concurrent writer caused; instants in UTC to the microsecond; a
 * {@link SQLException} surfaces as a {@link JdbcStoreException}.
 */
final class OfferSql {
  private static final int ATTEMPTS = 5;

  @FunctionalInterface
  interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  /** Signals from inside a transaction that it must be rolled back and the result returned. */
  static final class Abort extends RuntimeException {
    final transient Object result;

    Abort(Object result) {
      super(null, null, false, false);
      this.result = result;
    }
  }

  private final DataSource dataSource;
  private final Sql sql;

  OfferSql(DataSource dataSource) {
    this.dataSource = dataSource;
    this.sql = new Sql(dataSource);
  }

  /**
   * Runs the work in a transaction; an {@link Abort} rolls back and returns its result; a unique violation rolls back
   * and runs the work again.
   */
  @SuppressWarnings("unchecked")
  <T> T tx(Work<T> work) {
    SQLException last = null;
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      try (Connection c = dataSource.getConnection()) {
        c.setAutoCommit(false);
        try {
          T result = work.run(c);
          c.commit();
          return result;
        } catch (Abort abort) {
          c.rollback();
          return (T) abort.result;
        } catch (SQLException e) {
          c.rollback();
          if (!isUniqueViolation(e)) {
            throw e;
          }
          last = e;
        } catch (RuntimeException | Error e) {
          c.rollback();
          throw e;
        }
      } catch (SQLException e) {
        throw failure(e);
      }
    }
    throw failure(last);
  }

  <T> T read(Work<T> work) {
    return sql.read(work::run);
  }

  static JdbcStoreException failure(SQLException e) {
    return Sql.failure(e);
  }

  static boolean isUniqueViolation(SQLException e) {
    return Sql.isUniqueViolation(e);
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
}
