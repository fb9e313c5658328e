package io.shopsense.lake;

import io.shopsense.api.collect.StoredEvent;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.duckdb.DuckDBAppender;

/**
 * The events the {@link LakeWriter} holds before it writes them: two in-memory DuckDB tables shaped like the lake's
 * tables plus the partition date, filled through appenders, and written out as one sorted Parquet file per
 * (table, day).
 *
 * <p>The appenders stay open from the first {@link #append} until the buffer is written: closing them flushes their
 * rows into the tables, which costs about as much as the appending itself, so it is done once per flush, not once
 * per batch. DuckDB confines an appender to the thread that created it; the confinement is lifted because the writer
 * may be called from another thread than the one that created the appenders (the pipeline restarts its thread), and
 * every use is under the {@link LakeWriter}'s monitor. Not thread-safe otherwise. After any failure the whole buffer
 * is thrown away with {@link #close} (a half-appended row leaves an appender unusable), never repaired.
 */
final class WriteBuffer implements AutoCloseable {
  private static final String EVENTS = "buffer_events";
  private static final String LINES = "buffer_lines";

  private final DuckDbSession session;
  /** Per day: [events, lines]. */
  private final Map<LocalDate, long[]> days = new TreeMap<>();
  private DuckDBAppender events;
  private DuckDBAppender lines;
  private int size;
  private long lastSeq = Long.MIN_VALUE;
  private Instant startedAt;

  WriteBuffer(LakeSettings settings) {
    session = new DuckDbSession(settings);
    try {
      session.execute(LakeTable.EVENTS.createTable(EVENTS, true));
      session.execute(LakeTable.LINES.createTable(LINES, true));
    } catch (SQLException e) {
      session.close();
      throw new IllegalStateException("cannot create the lake's write buffer: " + e.getMessage(), e);
    }
  }

  /** The DuckDB session of the buffer, also used to compact files (one memory limit for both). */
  DuckDbSession session() {
    return session;
  }

  boolean isEmpty() {
    return size == 0;
  }

  /** Events buffered. */
  int size() {
    return size;
  }

  /** The highest sequence number buffered; meaningless when empty. */
  long lastSeq() {
    return lastSeq;
  }

  /** The days the buffered events happened on, ascending. */
  List<LocalDate> days() {
    return new ArrayList<>(days.keySet());
  }

  /** How long ago the first buffered event was appended; zero when empty. */
  Duration age(Instant now) {
    return startedAt == null ? Duration.ZERO : Duration.between(startedAt, now);
  }

  /** Appends an event whose sequence number is above every buffered one. */
  void append(StoredEvent event, Instant now) throws SQLException {
    if (event.seq() <= lastSeq) {
      throw new IllegalArgumentException("events must come in log order: " + event.seq() + " after " + lastSeq);
    }
    if (events == null) {
      events = session.connection().createAppender(EVENTS);
      events.unsafeBreakThreadConfinement();
      lines = session.connection().createAppender(LINES);
      lines.unsafeBreakThreadConfinement();
    }
    int lineCount = EventRows.append(event, events, lines);
    long[] counts = days.computeIfAbsent(EventRows.day(event.envelope().timestamp()), d -> new long[2]);
    counts[0]++;
    counts[1] += lineCount;
    size++;
    lastSeq = event.seq();
    if (startedAt == null) {
      startedAt = now;
    }
  }

  /** Closes the appenders, which moves what they hold into the tables. */
  private void closeAppenders() throws SQLException {
    DuckDBAppender e = events;
    DuckDBAppender l = lines;
    events = null;
    lines = null;
    try {
      if (e != null) {
        e.close();
      }
    } finally {
      if (l != null) {
        l.close();
      }
    }
  }

  /**
   * Writes the buffer as one file per (table, day), named for the log range {@code [firstSeq, lastSeq()]}, each
   * sorted by (timestamp, seq) and installed atomically; returns the files. When one fails, the files of this write
   * already installed are deleted again before the failure is thrown, so a retry starts from a clean partition.
   */
  List<LakeFile> write(LakeDirectory dir, long firstSeq) throws SQLException, IOException {
    closeAppenders();
    List<LakeFile> written = new ArrayList<>();
    try {
      for (Map.Entry<LocalDate, long[]> day : days.entrySet()) {
        written.add(writeDay(dir, LakeTable.EVENTS, EVENTS, day.getKey(), firstSeq));
        if (day.getValue()[1] > 0) {
          written.add(writeDay(dir, LakeTable.LINES, LINES, day.getKey(), firstSeq));
        }
      }
      return written;
    } catch (SQLException | IOException | RuntimeException e) {
      try {
        LakeDirectory.delete(written);
      } catch (IOException | RuntimeException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
  }

  private LakeFile writeDay(LakeDirectory dir, LakeTable table, String buffer, LocalDate day, long firstSeq)
      throws SQLException, IOException {
    Path target = dir.createPartition(table, day).resolve(LakeFile.name(firstSeq, lastSeq));
    session.writeParquet("SELECT " + table.columnList() + " FROM " + buffer + " WHERE " + LakeTable.PARTITION_COLUMN
        + " = DATE '" + day + "' ORDER BY " + table.sortOrder(), target);
    return new LakeFile(table, day, firstSeq, lastSeq, target);
  }

  /** Empties the buffer after its files are installed. */
  void clear() throws SQLException {
    closeAppenders();
    // dropping (rather than deleting the rows) gives the memory back at once
    session.execute("DROP TABLE " + EVENTS);
    session.execute("DROP TABLE " + LINES);
    session.execute(LakeTable.EVENTS.createTable(EVENTS, true));
    session.execute(LakeTable.LINES.createTable(LINES, true));
    days.clear();
    size = 0;
    lastSeq = Long.MIN_VALUE;
    startedAt = null;
  }

  /** Throws the buffer away, whatever state it is in. */
  @Override
  public void close() {
    try {
      closeAppenders();
    } catch (SQLException | RuntimeException halfWrittenRow) {
      // the connection's close below releases the appender
    } finally {
      session.close();
    }
  }
}
