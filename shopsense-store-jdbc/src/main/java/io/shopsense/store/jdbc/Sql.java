package io.shopsense.store.jdbc;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * The JDBC habits every store of this module shares: one call runs on one pooled connection, writes in one
 * transaction; instants are written in UTC to the microsecond (what {@code timestamp(6) with time zone} keeps on both
 * backends); a {@link SQLException} surfaces as a {@link JdbcStoreException}. Thread-safe.
 */
public final class Sql {

  /** Work on a connection. */
  @FunctionalInterface
  public interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  /** SQLSTATE of a unique or primary key violation, the same on H2 and PostgreSQL. */
  static final String UNIQUE_VIOLATION = "23505";

  private final DataSource dataSource;
  /** The connection of a unit of work running on this thread, if any. */
  private final ThreadLocal<Connection> unit = new ThreadLocal<>();

  public Sql(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * Runs the work with one connection bound to this thread: every {@link #tx} and {@link #read} inside uses it, and
   * it commits once at the end (a {@link io.shopsense.api.UnitOfWork}). Nested units join the outer one.
   */
  <T> T unit(Supplier<T> work) {
    if (unit.get() != null) {
      return work.get();
    }
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      unit.set(c);
      try {
        T result = work.get();
        c.commit();
        return result;
      } catch (RuntimeException | Error e) {
        rollbackQuietly(c, e);
        throw e;
      } finally {
        unit.remove();
      }
    } catch (SQLException e) {
      throw failure(e);
    }
  }

  /** Runs the work in one transaction: committed when it returns, rolled back when it throws anything. */
  public <T> T tx(Work<T> work) {
    Connection bound = unit.get();
    if (bound != null) {
      return inUnit(bound, work);
    }
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        T result = work.run(c);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException | Error e) {
        rollbackQuietly(c, e);
        throw e;
      }
      // the pool restores auto-commit when the connection goes back
    } catch (SQLException e) {
      throw failure(e);
    }
  }

  /**
   * Inside a unit of work, a call is a savepoint: undone alone when it fails, so that a caught failure (a unique
   * violation) neither poisons the unit (PostgreSQL refuses every statement after an error until a rollback) nor
   * undoes the unit's other calls.
   */
  private static <T> T inUnit(Connection c, Work<T> work) {
    try {
      Savepoint savepoint = c.setSavepoint();
      try {
        T result = work.run(c);
        c.releaseSavepoint(savepoint);
        return result;
      } catch (SQLException | RuntimeException | Error e) {
        try {
          c.rollback(savepoint);
        } catch (SQLException rollback) {
          e.addSuppressed(rollback);
        }
        throw e;
      }
    } catch (SQLException e) {
      throw failure(e);
    }
  }

  /**
   * Like {@link #tx}, but runs the work once more if it failed on a unique violation: for upserts that update the
   * rows present and then insert the absent ones, whose insert can meet a row another writer inserted in between (the
   * second run updates it). A plain insert there, not {@code on conflict do nothing}, so that such a race is never a
   * write lost in silence.
   */
  <T> T upsert(Work<T> work) {
    try {
      return tx(work);
    } catch (JdbcStoreException e) {
      if (e.getCause() instanceof SQLException cause && isUniqueViolation(cause)) {
        return tx(work);
      }
      throw e;
    }
  }

  /** Runs read-only work on a connection in auto-commit mode (one statement, or reads that need no snapshot). */
  public <T> T read(Work<T> work) {
    Connection bound = unit.get();
    if (bound != null) {
      try {
        return work.run(bound); // sees the unit's own writes
      } catch (SQLException e) {
        throw failure(e);
      }
    }
    try (Connection c = dataSource.getConnection()) {
      return work.run(c);
    } catch (SQLException e) {
      throw failure(e);
    }
  }

  public static JdbcStoreException failure(SQLException e) {
    return new JdbcStoreException("database failure (SQLSTATE " + e.getSQLState() + "): " + e.getMessage(), e);
  }

  public static boolean isUniqueViolation(SQLException e) {
    return hasState(e, UNIQUE_VIOLATION);
  }

  /**
   * Whether a row referred to a parent row that is absent: SQLSTATE 23503 on PostgreSQL, 23506 on H2 (whose 23503
   * is a parent row deleted while children refer to it).
   */
  static boolean isMissingParent(SQLException e) {
    return hasState(e, "23503") || hasState(e, "23506");
  }

  private static boolean hasState(SQLException e, String state) {
    for (SQLException s = e; s != null; s = s.getNextException()) {
      if (state.equals(s.getSQLState())) {
        return true;
      }
    }
    return false;
  }

  /** The instant as it will be stored: truncated to the microsecond. */
  public static Instant stored(Instant instant) {
    return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
  }

  public static void setInstant(PreparedStatement ps, int index, Instant instant) throws SQLException {
    if (instant == null) {
      ps.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
    } else {
      ps.setObject(index, OffsetDateTime.ofInstant(stored(instant), ZoneOffset.UTC));
    }
  }

  public static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
    return t == null ? null : t.toInstant();
  }

  static void setLongOrNull(PreparedStatement ps, int index, Long value) throws SQLException {
    if (value == null) {
      ps.setNull(index, Types.BIGINT);
    } else {
      ps.setLong(index, value);
    }
  }

  static Long longOrNull(ResultSet rs, String column) throws SQLException {
    long v = rs.getLong(column);
    return rs.wasNull() ? null : v;
  }

  static void setIntOrNull(PreparedStatement ps, int index, Integer value) throws SQLException {
    if (value == null) {
      ps.setNull(index, Types.INTEGER);
    } else {
      ps.setInt(index, value);
    }
  }

  static Integer intOrNull(ResultSet rs, String column) throws SQLException {
    int v = rs.getInt(column);
    return rs.wasNull() ? null : v;
  }

  static void setDoubleOrNull(PreparedStatement ps, int index, Double value) throws SQLException {
    if (value == null) {
      ps.setNull(index, Types.DOUBLE);
    } else {
      ps.setDouble(index, value);
    }
  }

  static Double doubleOrNull(ResultSet rs, String column) throws SQLException {
    double v = rs.getDouble(column);
    return rs.wasNull() ? null : v;
  }

  /** Values looked up per statement by {@link #placeholders}. */
  static final int IN_LIST = 100;

  /**
   * {@code ?, ?, ?}: the placeholders of an {@code IN} list of {@code n} values. Preferred to {@code = any(array)}
   * for key lookups, since H2 looks an array up by scanning and a list by the key's index.
   */
  public static String placeholders(int n) {
    return "?, ".repeat(n - 1) + "?";
  }

  /** What is done with each row a query returns. */
  interface Rows {
    void accept(ResultSet rs) throws SQLException;
  }

  /**
   * Runs {@code query.apply(n)} (an {@code IN} list of {@link #placeholders}{@code (n)}) for each list of at most
   * {@link #IN_LIST} of the values, bound in order, and hands every row to {@code rows}.
   */
  static void inLists(Connection c, List<String> values, java.util.function.IntFunction<String> query, Rows rows)
      throws SQLException {
    for (int from = 0; from < values.size(); from += IN_LIST) {
      List<String> chunk = values.subList(from, Math.min(values.size(), from + IN_LIST));
      try (PreparedStatement ps = c.prepareStatement(query.apply(chunk.size()))) {
        for (int i = 0; i < chunk.size(); i++) {
          ps.setString(i + 1, chunk.get(i));
        }
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            rows.accept(rs);
          }
        }
      }
    }
  }

  /** A varchar array for {@code column = any(?)}, which both backends accept. */
  static Array texts(Connection c, Collection<String> values) throws SQLException {
    return c.createArrayOf("varchar", values.toArray(new String[0]));
  }

  private static void rollbackQuietly(Connection c, Throwable cause) {
    try {
      c.rollback();
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }
}
