package io.shopsense.lake;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Ad-hoc SQL over the lake with DuckDB: the views {@code events} and {@code lines} have every column of
 * {@link LakeTable} plus {@code event_date DATE} from the partition folder. An empty lake has both views, empty and
 * with the same columns.
 *
 * <p><b>Read-only and sandboxed.</b> The lake is only read, so a query may run in another process than the writer
 * (the CLI while the server writes). The DuckDB database is private and in memory; before any user SQL runs, file
 * access is limited to the lake folder ({@code allowed_directories} with {@code enable_external_access = false})
 * and the configuration is locked ({@code lock_configuration = true}), so no query can read a file elsewhere, load
 * an extension or undo those settings. Since DuckDB would still let a {@code COPY ... TO} or {@code ATTACH} write
 * inside the lake folder, each query must also be exactly one {@code SELECT} statement (DuckDB's own parser decides,
 * through {@code json_serialize_sql}; {@code DESCRIBE}, {@code SHOW} and {@code SUMMARIZE} count as such).
 *
 * <p><b>Consistency with the writer.</b> Before each query the views are pointed at the files present, leaving out
 * the inputs of a compaction whose output is already installed. When a file goes away while the query runs (a
 * compaction deleted it), the query is retried on the new set of files, up to three times; after that it fails with
 * a message saying so. Files of a flush the writer has not committed yet are visible (they are complete files).
 *
 * <p>Not thread-safe beyond its synchronized methods: one query at a time. Close it to free DuckDB's memory.
 */
public final class LakeQuery implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(LakeQuery.class.getName());
  private static final int ATTEMPTS = 3;

  private final LakeDirectory dir;
  private final DuckDbSession session;
  private final Map<LakeTable, List<LakeFile>> viewFiles = new EnumMap<>(LakeTable.class);
  /** The files the last refresh listed (all tables): the ones the views read, or were about to. */
  private final List<LakeFile> listed = new ArrayList<>();
  /** The analysts' views, or null for the raw ones. */
  private final PseudonymousViews pseudonymous;
  private boolean closed;

  /** Opens a DuckDB session over the lake at {@link LakeSettings#directory()}, with its memory and thread limits. */
  public LakeQuery(LakeSettings settings) {
    this(settings, null);
  }

  /**
   * Opens a session whose views give {@code pseudonym(id)} in place of each person identifier and leave the traits
   * and context JSON out (see {@link PseudonymousViews}); with a null {@code pseudonym}, the raw views.
   */
  public LakeQuery(LakeSettings settings, java.util.function.UnaryOperator<String> pseudonym) {
    this.dir = new LakeDirectory(settings.directory());
    this.session = new DuckDbSession(settings, true);
    this.pseudonymous = pseudonym == null ? null : new PseudonymousViews(pseudonym);
    try {
      if (pseudonymous != null) {
        pseudonymous.register(session);
      }
      sandbox(settings.directory());
      for (int attempt = 1; ; attempt++) {
        try {
          refreshViews();
          break;
        } catch (SQLException e) {
          if (attempt == ATTEMPTS || !filesChanged()) {
            throw e;
          }
        }
      }
    } catch (SQLException e) {
      session.close();
      throw new IllegalStateException("cannot open the lake at " + settings.directory() + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      session.close();
      throw e;
    }
  }

  /** Whether this session shows pseudonyms in place of person identifiers. */
  public boolean pseudonymous() {
    return pseudonymous != null;
  }

  /** A query session over the lake at {@code directory} with the default DuckDB limits. */
  public static LakeQuery open(Path directory) {
    return new LakeQuery(LakeSettings.defaults(directory));
  }

  /**
   * Runs one {@code SELECT} statement and returns at most {@code maxRows} rows of it.
   *
   * @throws LakeQueryException when the SQL is not a single {@code SELECT} or DuckDB cannot run it
   */
  public synchronized QueryResult query(String sql, int maxRows) {
    if (closed) {
      throw new IllegalStateException("the lake query session is closed");
    }
    if (maxRows < 0) {
      throw new IllegalArgumentException("maxRows must not be negative");
    }
    if (sql == null || sql.isBlank()) {
      throw new LakeQueryException("the query is empty");
    }
    requireSingleSelect(sql);
    for (int attempt = 1; ; attempt++) {
      try {
        refreshViews();
        return run(sql, maxRows);
      } catch (SQLException e) {
        if (!filesChanged()) {
          throw new LakeQueryException(e.getMessage(), e);
        }
        if (attempt == ATTEMPTS) {
          throw new LakeQueryException("the lake's files kept changing while the query ran (compaction); "
              + "try again: " + e.getMessage(), e);
        }
        LOG.log(System.Logger.Level.DEBUG, "lake files changed during a query; retrying (" + attempt + ")");
      }
    }
  }

  private void sandbox(Path lake) throws SQLException {
    // a trailing separator, or /lake would also allow /lake2
    String root = lake.toString().endsWith("/") ? lake.toString() : lake + "/";
    session.execute("SET allowed_directories = [" + DuckDbSession.literal(root) + "]");
    session.execute("SET enable_external_access = false");
    session.execute("SET lock_configuration = true");
  }

  private void requireSingleSelect(String sql) {
    boolean error;
    String type;
    String message;
    long statements;
    String tree;
    try (PreparedStatement ps = session.connection().prepareStatement("SELECT coalesce((j->>'error')::BOOLEAN, true), "
        + "j->>'error_type', j->>'error_message', coalesce(json_array_length(j->'statements'), 0), j::VARCHAR "
        + "FROM (SELECT json_serialize_sql(?)::JSON AS j)")) {
      ps.setString(1, sql);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        error = rs.getBoolean(1);
        type = rs.getString(2);
        message = rs.getString(3);
        statements = rs.getLong(4);
        tree = rs.getString(5);
      }
    } catch (SQLException e) {
      throw new LakeQueryException("cannot check the query: " + e.getMessage(), e);
    }
    if (error) {
      throw new LakeQueryException("parser".equals(type) ? "syntax error: " + message
          : "only a SELECT (or DESCRIBE, SHOW, SUMMARIZE) query is allowed over the lake");
    }
    if (statements != 1) {
      throw new LakeQueryException("one statement at a time, please");
    }
    if (pseudonymous != null) {
      pseudonymous.check(tree);
    }
  }

  private QueryResult run(String sql, int maxRows) throws SQLException {
    try (Statement s = session.connection().createStatement()) {
      if (!s.execute(sql)) {
        return new QueryResult(List.of(), List.of(), List.of(), false);
      }
      try (ResultSet rs = s.getResultSet()) {
        ResultSetMetaData md = rs.getMetaData();
        int n = md.getColumnCount();
        List<String> columns = new ArrayList<>(n);
        List<String> types = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
          columns.add(md.getColumnLabel(i));
          types.add(md.getColumnTypeName(i));
        }
        List<List<Object>> rows = new ArrayList<>();
        boolean truncated = false;
        while (rs.next()) {
          if (rows.size() == maxRows) {
            truncated = true;
            break;
          }
          List<Object> row = new ArrayList<>(n);
          for (int i = 1; i <= n; i++) {
            row.add(QueryValues.read(rs, i, types.get(i - 1)));
          }
          rows.add(row);
        }
        return new QueryResult(columns, types, rows, truncated);
      }
    }
  }

  /** Points each view at the files a reader should see now; recreated only when the set changed. */
  private void refreshViews() throws SQLException {
    listed.clear();
    for (LakeTable table : LakeTable.values()) {
      List<LakeFile> files = dir.liveFiles(table);
      listed.addAll(files);
      if (files.equals(viewFiles.get(table))) {
        continue;
      }
      viewFiles.remove(table);
      session.execute("CREATE OR REPLACE VIEW " + LakeTable.quote(table.tableName()) + " AS " + viewQuery(table,
          files, pseudonymous));
      viewFiles.put(table, files);
    }
  }

  private static String viewQuery(LakeTable table, List<LakeFile> files, PseudonymousViews pseudonymous) {
    if (files.isEmpty()) {
      return "SELECT " + (pseudonymous != null ? pseudonymous.emptySelectList(table) : table.columns().stream()
          .map(c -> "CAST(NULL AS " + c.type() + ") AS " + LakeTable.quote(c.name()))
          .collect(Collectors.joining(", "))) + ", CAST(NULL AS DATE) AS " + LakeTable.PARTITION_COLUMN + " WHERE false";
    }
    String list = files.stream().map(f -> DuckDbSession.literal(f.path())).collect(Collectors.joining(", "));
    return "SELECT " + (pseudonymous != null ? pseudonymous.selectList(table) : table.columnList()) + ", "
        + LakeTable.PARTITION_COLUMN + " FROM read_parquet([" + list
        + "], hive_partitioning = true, hive_types = {'" + LakeTable.PARTITION_COLUMN + "': DATE}, "
        + "union_by_name = true)";
  }

  /** True when a file the views read is gone: the failure may be a compaction's doing. */
  private boolean filesChanged() {
    return listed.stream().anyMatch(f -> !Files.exists(f.path()));
  }

  /** The DuckDB session, for tests of the sandbox beneath the statement check. */
  DuckDbSession session() {
    return session;
  }

  @Override
  public synchronized void close() {
    if (!closed) {
      closed = true;
      session.close();
    }
  }
}
