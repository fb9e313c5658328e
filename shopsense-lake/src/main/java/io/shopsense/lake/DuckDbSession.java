package io.shopsense.lake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.Properties;
import java.util.stream.Stream;
import org.duckdb.DuckDBConnection;

/**
 * An in-memory DuckDB database configured the same way wherever the lake opens one: the memory limit and thread
 * count from the settings (DuckDB's default would take 80% of the machine's memory), UTC as the session time zone,
 * no extension ever installed or loaded at run time (parquet, json and icu are statically linked in the driver; the
 * machine cannot download), and a private spill folder (DuckDB's default is {@code .tmp} in the working directory,
 * and two processes sharing one would clash), deleted on close. Public for tools that query the lake's files
 * themselves (the profile benchmark's SQL baseline). Not thread-safe: one user at a time.
 */
public final class DuckDbSession implements AutoCloseable {
  private final DuckDBConnection connection;
  private final Path spillDir;

  public DuckDbSession(LakeSettings settings) {
    this(settings, false);
  }

  /**
   * @param streamResults stream query results instead of materialising them whole before the first row is read
   *                      (for user queries that may match millions of rows of which only the first few are read)
   */
  DuckDbSession(LakeSettings settings, boolean streamResults) {
    try {
      spillDir = Files.createTempDirectory("shopsense-duckdb-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Properties config = new Properties();
    config.setProperty("memory_limit", settings.memoryLimit());
    config.setProperty("threads", Integer.toString(settings.threads()));
    config.setProperty("temp_directory", spillDir.toString());
    config.setProperty("autoinstall_known_extensions", "false");
    config.setProperty("autoload_known_extensions", "false");
    if (streamResults) {
      config.setProperty("jdbc_stream_results", "true");
    }
    try {
      // "jdbc:duckdb:" opens a new, private in-memory database: nothing of it is stored, least of all in the lake
      connection = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:", config);
      execute("SET TimeZone = 'UTC'");
    } catch (SQLException e) {
      deleteSpillDir();
      throw new IllegalStateException("cannot open DuckDB: " + e.getMessage(), e);
    }
  }

  public DuckDBConnection connection() {
    return connection;
  }

  /** Runs one statement on a fresh JDBC statement (the driver closes a statement whose query failed). */
  void execute(String sql) throws SQLException {
    try (Statement s = connection.createStatement()) {
      s.execute(sql);
    }
  }

  /** Runs one statement that reports a row count, such as {@code COPY}, and returns the count. */
  long executeCount(String sql) throws SQLException {
    try (Statement s = connection.createStatement()) {
      if (s.execute(sql)) {
        try (var rs = s.getResultSet()) {
          return rs.next() ? rs.getLong(1) : 0;
        }
      }
      return Math.max(0, s.getLargeUpdateCount());
    }
  }

  long queryLong(String sql) throws SQLException {
    try (Statement s = connection.createStatement(); var rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /**
   * Writes the rows of {@code query} to {@code target} as a ZSTD-compressed Parquet file: first under the hidden
   * temporary name, then synced and renamed into place. On failure nothing is left under either name. Returns the
   * number of rows written.
   */
  long writeParquet(String query, Path target) throws SQLException, IOException {
    Path temp = LakeDirectory.tempFor(target);
    try {
      long rows = executeCount("COPY (" + query + ") TO " + literal(temp) + " (FORMAT parquet, COMPRESSION zstd)");
      LakeDirectory.install(temp, target);
      return rows;
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /** A SQL string literal. */
  public static String literal(String text) {
    return "'" + text.replace("'", "''") + "'";
  }

  public static String literal(Path path) {
    return literal(path.toString());
  }

  @Override
  public void close() {
    try {
      connection.close();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot close DuckDB: " + e.getMessage(), e);
    } finally {
      deleteSpillDir();
    }
  }

  private void deleteSpillDir() {
    try (Stream<Path> paths = Files.walk(spillDir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // a spill folder left in the system temp folder is harmless
    }
  }
}
