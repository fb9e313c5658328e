package io.shopsense.lake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Merges the committed files of a day into one file, per table, so that a day written by many small flushes (or by
 * late events long after) is read as one file. The output holds the inputs' rows sorted by (timestamp, seq) and is
 * named for the union of their log ranges, so it {@linkplain LakeFile#supersedes supersedes} each of them.
 *
 * <p><b>Crash safety.</b> The output is written under a temporary name, synced and renamed into place; the inputs
 * stay, superseded, and readers ({@link LakeQuery}) skip them. A crash therefore leaves either the inputs alone (plus
 * perhaps a temporary file, which the writer deletes when it starts) or the output next to superseded inputs.
 *
 * <p><b>Readers in flight.</b> The writer's compactor deletes superseded inputs only {@link #GRACE} after their output
 * was installed ({@link #sweep}), so that a query that listed the files just before the compaction can still read
 * them; the writer's start-up deletes any left over. A compactor of its own ({@link #open}) runs while no writer
 * does and deletes its inputs at once.
 *
 * <p><b>Committed files only.</b> Only files whose whole range is at or before {@code committedUpTo} (the lake
 * writer's committed position in the event log) are merged: a file after it may be the part of an interrupted
 * flush that the writer's recovery must still be able to delete on its own.
 *
 * <p><b>Who calls it.</b> The {@link LakeWriter} compacts a day once it has {@link LakeSettings#compactMinFiles()}
 * committed files, with the writer's own instance. Anyone else (an administrative command while the server is
 * stopped) uses {@link #open}, which takes the lake's writer lock and so refuses to run beside a writer. Not
 * thread-safe beyond that: the methods are synchronized.
 */
public final class LakeCompactor implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(LakeCompactor.class.getName());

  /**
   * What one compaction did.
   *
   * @param table      the table's name
   * @param inputFiles how many files were merged
   * @param firstSeq   the first position of the output's log range
   * @param lastSeq    the last position of the output's log range
   * @param rows       the rows in the output
   */
  public record Compaction(String table, LocalDate day, int inputFiles, long firstSeq, long lastSeq, long rows) {}

  /** How long the writer's compactor keeps the inputs of a compaction for queries that are still reading them. */
  public static final Duration GRACE = Duration.ofMinutes(1);

  private final LakeDirectory dir;
  private final Supplier<DuckDbSession> sessions;
  private final FileLock lock;
  private final LakeSettings settings;
  private final Clock clock;
  private final Duration grace;
  /** The outputs this compactor installed, and when: their inputs are deleted {@link #grace} later. */
  private final Map<Path, Instant> installed = new HashMap<>();
  private DuckDbSession own;

  /** The writer's compactor: the writer holds the lock and lends its DuckDB session. */
  LakeCompactor(LakeDirectory dir, Supplier<DuckDbSession> sessions, Clock clock) {
    this.dir = dir;
    this.sessions = sessions;
    this.lock = null;
    this.settings = null;
    this.clock = clock;
    this.grace = GRACE;
  }

  private LakeCompactor(LakeSettings settings, FileLock lock) {
    this.dir = new LakeDirectory(settings.directory());
    this.settings = settings;
    this.lock = lock;
    this.sessions = this::ownSession;
    this.clock = Clock.systemUTC();
    this.grace = Duration.ZERO;
  }

  /**
   * A compactor of its own, for use while no writer runs: takes the lake's writer lock until {@link #close}.
   *
   * @throws IllegalStateException when a writer (or another compactor) holds the lock
   */
  public static LakeCompactor open(LakeSettings settings) {
    return new LakeCompactor(settings, new LakeDirectory(settings.directory()).lockForWriting());
  }

  /**
   * Merges the committed files of {@code day}, in each table that has at least two, into one.
   *
   * @param committedUpTo the lake writer's committed position: later files are left alone
   * @return one entry per table compacted (none when there was nothing to merge)
   */
  public synchronized List<Compaction> compact(LocalDate day, long committedUpTo) {
    return compact(day, committedUpTo, 2);
  }

  /** {@link #compact(LocalDate, long)} for every day of the lake. */
  public synchronized List<Compaction> compactAll(long committedUpTo) {
    Set<LocalDate> days = new TreeSet<>();
    for (LakeTable table : LakeTable.values()) {
      days.addAll(dir.days(table));
    }
    List<Compaction> done = new ArrayList<>();
    for (LocalDate day : days) {
      done.addAll(compact(day, committedUpTo, 2));
    }
    return done;
  }

  /** Compacts the tables of {@code day} that have at least {@code minFiles} committed files. */
  synchronized List<Compaction> compact(LocalDate day, long committedUpTo, int minFiles) {
    List<Compaction> done = new ArrayList<>();
    for (LakeTable table : LakeTable.values()) {
      compact(table, day, committedUpTo, minFiles).ifPresent(done::add);
    }
    return done;
  }

  /**
   * Deletes the inputs of the day's compactions once their grace has passed.
   *
   * @return true when superseded files remain (to sweep again later)
   */
  synchronized boolean sweep(LocalDate day) {
    boolean remain = false;
    for (LakeTable table : LakeTable.values()) {
      try {
        remain |= sweep(table, day, dir.files(table, day));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot sweep lake " + table.tableName() + " " + day, e);
      }
    }
    return remain;
  }

  /** Deletes the superseded files whose output is older than the grace; true when some are kept for now. */
  private boolean sweep(LakeTable table, LocalDate day, List<LakeFile> files) throws IOException {
    Instant cutoff = clock.instant().minus(grace);
    List<LakeFile> live = LakeDirectory.live(files);
    List<LakeFile> due = new ArrayList<>();
    boolean kept = false;
    for (LakeFile old : LakeDirectory.superseded(files)) {
      Instant at = live.stream().filter(f -> f.supersedes(old)).map(f -> installed.get(f.path()))
          .filter(java.util.Objects::nonNull).findFirst().orElse(null);
      if (at == null || !at.isAfter(cutoff)) {
        due.add(old);
      } else {
        kept = true;
      }
    }
    if (!due.isEmpty()) {
      LakeDirectory.delete(due);
      LOG.log(System.Logger.Level.DEBUG, "lake " + table.tableName() + " " + day + ": deleted " + due.size()
          + " merged file(s)");
    }
    if (!kept) {
      live.forEach(f -> installed.remove(f.path()));
    }
    return kept;
  }

  private Optional<Compaction> compact(LakeTable table, LocalDate day, long committedUpTo, int minFiles) {
    List<LakeFile> all = dir.files(table, day);
    try {
      sweep(table, day, all);
      List<LakeFile> files = LakeDirectory.live(all);
      List<LakeFile> inputs = files.stream().filter(f -> f.lastSeq() <= committedUpTo).toList();
      if (inputs.size() < Math.max(2, minFiles)) {
        return Optional.empty();
      }
      long first = inputs.stream().mapToLong(LakeFile::firstSeq).min().orElseThrow();
      long last = inputs.stream().mapToLong(LakeFile::lastSeq).max().orElseThrow();
      Path target = dir.partitionDir(table, day).resolve(LakeFile.name(first, last));
      String list = inputs.stream().map(f -> DuckDbSession.literal(f.path())).collect(Collectors.joining(", "));
      // the partition column lives in the folder name only: never let DuckDB add it to the merged file
      long rows = sessions.get().writeParquet("SELECT " + table.columnList() + " FROM read_parquet([" + list
          + "], hive_partitioning = false, union_by_name = true) ORDER BY " + table.sortOrder(), target);
      installed.put(target, clock.instant());
      if (grace.isZero()) {
        LakeDirectory.delete(inputs);
      }
      LOG.log(System.Logger.Level.DEBUG, "lake " + table.tableName() + " " + day + ": merged " + inputs.size()
          + " files into seqs " + first + "-" + last + " (" + rows + " rows)");
      return Optional.of(new Compaction(table.tableName(), day, inputs.size(), first, last, rows));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot compact lake " + table.tableName() + " " + day, e);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot compact lake " + table.tableName() + " " + day + ": "
          + e.getMessage(), e);
    }
  }

  private DuckDbSession ownSession() {
    if (own == null) {
      own = new DuckDbSession(settings);
    }
    return own;
  }

  /** Releases the writer lock of a compactor from {@link #open}; nothing for the writer's own. */
  @Override
  public synchronized void close() {
    try {
      if (own != null) {
        own.close();
        own = null;
      }
    } finally {
      if (lock != null) {
        try {
          lock.channel().close();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
  }
}
