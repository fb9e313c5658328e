package io.shopsense.lake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Erases a person's rows from the lake: every data file of the {@code events} and {@code lines} tables that holds a
 * row of one of their anonymous ids or user ids (in {@code events} also as an alias's {@code previous_id}), live or
 * superseded but not yet swept, is written again without those rows, under its own name (so its log range, and with
 * it {@link LakeFile#supersedes} and the writer's recovery, mean what they meant); and the identity snapshot
 * ({@code identities/links.parquet}) loses every link of the persons those identifiers belong to.
 *
 * <p><b>How.</b> One DuckDB scan of the identifier columns of all files finds the files to rewrite (Parquet is
 * columnar, so this reads a small part of the lake); each is then copied by DuckDB without the rows, in the order it
 * had, to a hidden temporary file that is synced and renamed over the old one ({@link DuckDbSession#writeParquet}).
 * A crash leaves each file old or new, and a temporary file that the writer's recovery (or the next erasure) deletes;
 * erasing again finishes the job. The identifiers are handed to DuckDB as rows of temporary tables through a prepared
 * statement, never as SQL text.
 *
 * <p><b>Who calls it.</b> The {@link LakeWriter} through {@link LakeWriter#erase}, so that no flush or compaction runs
 * meanwhile and its buffer is dealt with; or {@link #open} while no writer runs (it takes the lake's writer lock).
 * Not thread-safe.
 */
public final class LakeErasure implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(LakeErasure.class.getName());

  /**
   * What an erasure did to the lake.
   *
   * @param files          the files rewritten, relative to the lake's root
   * @param rowsRemoved    rows removed from the tables and the identity snapshot
   * @param bytesRewritten the size of the files written
   * @param elapsed        wall-clock time of the erasure
   */
  public record Report(List<String> files, long rowsRemoved, long bytesRewritten, Duration elapsed) {
    public Report {
      files = List.copyOf(files);
    }

    public int filesRewritten() {
      return files.size();
    }
  }

  private final LakeDirectory dir;
  private final DuckDbSession db;
  private final FileLock lock;

  /** The writer's erasure: on its directory and DuckDB session, under its lock. */
  LakeErasure(LakeDirectory dir, DuckDbSession db) {
    this.dir = dir;
    this.db = db;
    this.lock = null;
  }

  private LakeErasure(LakeSettings settings, FileLock lock) {
    this.dir = new LakeDirectory(settings.directory());
    this.lock = lock;
    DuckDbSession session;
    try {
      session = new DuckDbSession(settings);
    } catch (RuntimeException e) {
      release(lock);
      throw e;
    }
    this.db = session;
  }

  /**
   * An erasure of its own, for use while no writer runs (a command, a benchmark): takes the lake's writer lock until
   * {@link #close}.
   *
   * @throws IllegalStateException when a writer holds the lake
   */
  public static LakeErasure open(LakeSettings settings) {
    return new LakeErasure(settings, new LakeDirectory(settings.directory()).lockForWriting());
  }

  /**
   * Rewrites the files that hold rows of these identifiers without them. Idempotent: a second call finds no file.
   * Either collection may be empty, not null.
   */
  public Report erase(Collection<String> anonymousIds, Collection<String> userIds) {
    long start = System.nanoTime();
    Set<String> anonymous = new LinkedHashSet<>(anonymousIds);
    Set<String> users = new LinkedHashSet<>(userIds);
    List<String> rewritten = new ArrayList<>();
    long rows = 0;
    long bytes = 0;
    if (anonymous.isEmpty() && users.isEmpty()) {
      return new Report(rewritten, 0, 0, Duration.ofNanos(System.nanoTime() - start));
    }
    try {
      loadIds(anonymous, users);
      for (LakeTable table : LakeTable.values()) {
        List<LakeFile> files = dir.files(table);
        if (files.isEmpty()) {
          continue;
        }
        String condition = condition(table);
        for (Path file : filesWithRows(files, condition)) {
          long before = rowsOf(file);
          // no ORDER BY: the file is sorted already, and a filtered scan of one file keeps its order (DuckDB's
          // preserve_insertion_order, on by default), so the copy needs no sort
          long kept = db.writeParquet("SELECT " + table.columnList() + " FROM read_parquet("
              + DuckDbSession.literal(file) + ", hive_partitioning = false) WHERE NOT coalesce(" + condition
              + ", false)", file);
          rows += before - kept;
          bytes += Files.size(file);
          rewritten.add(dir.root().relativize(file).toString());
        }
      }
      Path links = dir.root().resolve(LakeProfileSource.IDENTITIES).resolve(LakeProfileSource.LINKS_FILE);
      Files.deleteIfExists(LakeDirectory.tempFor(links));
      if (Files.exists(links)) {
        String source = "read_parquet(" + DuckDbSession.literal(links) + ")";
        // every link of a person one of the identifiers belongs to: their email and other identifiers go too
        String linked = "person_id IN (SELECT person_id FROM " + source + " WHERE (kind = 'ANONYMOUS_ID' AND value IN"
            + " (SELECT id FROM erase_anonymous)) OR (kind = 'USER_ID' AND value IN (SELECT id FROM erase_users)))";
        long before = rowsOf(links);
        long matching = count(links, linked);
        if (matching > 0) {
          long kept = db.writeParquet("SELECT kind, value, person_id FROM " + source + " WHERE NOT coalesce("
              + linked + ", false)", links);
          rows += before - kept;
          bytes += Files.size(links);
          rewritten.add(dir.root().relativize(links).toString());
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot erase from the lake: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot erase from the lake at " + dir.root(), e);
    } finally {
      dropIds();
    }
    Report report = new Report(rewritten, rows, bytes, Duration.ofNanos(System.nanoTime() - start));
    LOG.log(System.Logger.Level.INFO, () -> "lake erasure: " + report.rowsRemoved() + " rows removed, "
        + report.filesRewritten() + " file(s) rewritten, " + report.bytesRewritten() + " bytes, "
        + report.elapsed().toMillis() + " ms");
    return report;
  }

  /** The rows of a table that belong to the identifiers in the temporary tables. */
  private static String condition(LakeTable table) {
    String anonymous = "(anonymous_id IS NOT NULL AND anonymous_id IN (SELECT id FROM erase_anonymous))";
    String users = "(user_id IS NOT NULL AND user_id IN (SELECT id FROM erase_users))";
    if (table == LakeTable.EVENTS) {
      return "(" + anonymous + " OR " + users + " OR (previous_id IS NOT NULL AND (previous_id IN (SELECT id FROM"
          + " erase_anonymous) OR previous_id IN (SELECT id FROM erase_users))))";
    }
    return "(" + anonymous + " OR " + users + ")";
  }

  private List<Path> filesWithRows(List<LakeFile> files, String condition) throws SQLException {
    String list = files.stream().map(f -> DuckDbSession.literal(f.path())).collect(Collectors.joining(", "));
    List<Path> found = new ArrayList<>();
    try (var s = db.connection().createStatement();
        ResultSet rs = s.executeQuery("SELECT DISTINCT filename FROM read_parquet([" + list
            + "], hive_partitioning = false, union_by_name = true, filename = true) WHERE " + condition
            + " ORDER BY filename")) {
      while (rs.next()) {
        found.add(Path.of(rs.getString(1)));
      }
    }
    return found;
  }

  /** The rows of a Parquet file, from its footer. */
  private long rowsOf(Path file) throws SQLException {
    return db.queryLong("SELECT sum(row_group_num_rows) FROM (SELECT DISTINCT row_group_id, row_group_num_rows FROM"
        + " parquet_metadata(" + DuckDbSession.literal(file) + "))");
  }

  private long count(Path file, String condition) throws SQLException {
    return db.queryLong("SELECT count(*) FROM read_parquet(" + DuckDbSession.literal(file)
        + ", hive_partitioning = false) WHERE " + condition);
  }

  private void loadIds(Set<String> anonymous, Set<String> users) throws SQLException {
    db.execute("CREATE OR REPLACE TEMP TABLE erase_anonymous (id VARCHAR)");
    db.execute("CREATE OR REPLACE TEMP TABLE erase_users (id VARCHAR)");
    insert("erase_anonymous", anonymous);
    insert("erase_users", users);
  }

  private void insert(String table, Set<String> ids) throws SQLException {
    try (PreparedStatement ps = db.connection().prepareStatement("INSERT INTO " + table + " VALUES (?)")) {
      for (String id : ids) {
        ps.setString(1, id);
        ps.executeUpdate();
      }
    }
  }

  private void dropIds() {
    try {
      db.execute("DROP TABLE IF EXISTS erase_anonymous");
      db.execute("DROP TABLE IF EXISTS erase_users");
    } catch (SQLException e) {
      LOG.log(System.Logger.Level.WARNING, "cannot drop the erasure's temporary tables: " + e.getMessage());
    }
  }

  /** Closes the session and releases the writer lock of an erasure from {@link #open}; nothing for the writer's. */
  @Override
  public void close() {
    if (lock != null) {
      try {
        db.close();
      } finally {
        release(lock);
      }
    }
  }

  private static void release(FileLock lock) {
    try {
      lock.channel().close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot release the lake's writer lock", e);
    }
  }
}
