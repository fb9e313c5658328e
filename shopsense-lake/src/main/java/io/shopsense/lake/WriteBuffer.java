package io.shopsense.lake;

import io.shopsense.api.collect.EventEnvelope;
import io.shopsense.api.collect.StoredEvent;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The events the {@link LakeWriter} holds before it writes them, and their writing as one sorted Parquet file per
 * (table, day).
 *
 * <p>Each event is read once, when appended, by an {@link EventReader} into a compact {@link EventRecord} whose texts
 * mostly point into the event's JSON, which the buffer keeps (the envelope owns it and never changes it). Nothing goes
 * to DuckDB until the flush: then the rows of each (table, day), sorted by (timestamp, seq) in Java, are handed to
 * DuckDB's {@code COPY … TO parquet} by a table function ({@link BufferRows}) one vector at a time. This costs a
 * fraction of filling DuckDB tables through an appender and sorting them there, which is what the buffer did before.
 *
 * <p>Not thread-safe: every use is under the {@link LakeWriter}'s monitor (the table function reads the buffer on
 * DuckDB's threads while the writer waits for the {@code COPY}). After a failure the buffer is thrown away with
 * {@link #close}, never repaired.
 */
final class WriteBuffer implements AutoCloseable {
  /** Bytes counted per buffered event besides its JSON and record (envelope, ids, arrays). */
  private static final int EVENT_OVERHEAD = 160;

  private final DuckDbSession session;
  private final EventReader reader = new EventReader();
  private final BufferRows rows;
  /** Per day: [events, lines]. */
  private final Map<LocalDate, long[]> days = new TreeMap<>();
  private EventEnvelope[] envelopes = new EventEnvelope[1024];
  private long[] seqs = new long[1024];
  private byte[][] records = new byte[1024][];
  private byte[][] sources = new byte[1024][];
  private long[] epochDays = new long[1024];
  private int size;
  private long bytes;
  private long lastSeq = Long.MIN_VALUE;
  private Instant startedAt;

  WriteBuffer(LakeSettings settings) {
    session = new DuckDbSession(settings);
    try {
      // one thread: the flush is one ordered stream from the JVM, and compaction a merge; a second thread there
      // costs more CPU than it saves time, CPU the ingest path on the same machine needs
      session.execute("SET threads = 1");
      rows = new BufferRows(session);
    } catch (SQLException | RuntimeException e) {
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

  /** About how much memory the buffered events take (their JSON, their records and a fixed overhead). */
  long bytes() {
    return bytes;
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
  void append(StoredEvent event, Instant now) {
    if (event.seq() <= lastSeq) {
      throw new IllegalArgumentException("events must come in log order: " + event.seq() + " after " + lastSeq);
    }
    EventEnvelope env = event.envelope();
    byte[] record = reader.read(event.seq(), env);
    if (size == seqs.length) {
      grow();
    }
    LocalDate day = BufferRows.day(env.timestamp());
    envelopes[size] = env;
    seqs[size] = event.seq();
    records[size] = record;
    sources[size] = reader.source();
    epochDays[size] = day.toEpochDay();
    size++;
    bytes += record.length + reader.source().length + EVENT_OVERHEAD;
    long[] counts = days.computeIfAbsent(day, d -> new long[2]);
    counts[0]++;
    counts[1] += BufferRows.lineCount(record, reader.source());
    lastSeq = event.seq();
    if (startedAt == null) {
      startedAt = now;
    }
  }

  private void grow() {
    int n = size * 2;
    envelopes = Arrays.copyOf(envelopes, n);
    seqs = Arrays.copyOf(seqs, n);
    records = Arrays.copyOf(records, n);
    sources = Arrays.copyOf(sources, n);
    epochDays = Arrays.copyOf(epochDays, n);
  }

  /**
   * Writes the buffer as one file per (table, day), named for the log range {@code [firstSeq, lastSeq()]}, each
   * sorted by (timestamp, seq) and installed atomically; returns the files. When one fails, the files of this write
   * already installed are deleted again before the failure is thrown, so a retry starts from a clean partition.
   */
  List<LakeFile> write(LakeDirectory dir, long firstSeq) throws SQLException, IOException {
    List<LakeFile> written = new ArrayList<>();
    try {
      Map<Long, int[]> byDay = sortedByDay();
      for (LakeTable table : LakeTable.values()) {
        List<LocalDate> tableDays = new ArrayList<>();
        days.forEach((day, counts) -> {
          if (table == LakeTable.EVENTS || counts[1] > 0) {
            tableDays.add(day);
          }
        });
        for (LocalDate day : tableDays) {
          written.add(writeDay(dir, table, byDay.get(day.toEpochDay()), day, firstSeq));
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

  /** The buffered events of each day, by (timestamp, seq): the order of the rows in every file. */
  private Map<Long, int[]> sortedByDay() {
    Map<Long, int[]> byDay = new TreeMap<>();
    Map<Long, int[]> fill = new TreeMap<>();
    for (Map.Entry<LocalDate, long[]> day : days.entrySet()) {
      byDay.put(day.getKey().toEpochDay(), new int[(int) day.getValue()[0]]);
      fill.put(day.getKey().toEpochDay(), new int[1]);
    }
    for (int i = 0; i < size; i++) {
      int[] at = fill.get(epochDays[i]);
      byDay.get(epochDays[i])[at[0]++] = i;
    }
    long[] keys = new long[size];
    for (int i = 0; i < size; i++) {
      keys[i] = BufferRows.sortKey(envelopes[i].timestamp());
    }
    for (Map.Entry<Long, int[]> day : byDay.entrySet()) {
      int[] order = day.getValue();
      Integer[] boxed = new Integer[order.length];
      for (int i = 0; i < order.length; i++) {
        boxed[i] = order[i];
      }
      // stable: the indices are in log order, so equal times stay by seq
      Arrays.sort(boxed, (a, b) -> Long.compare(keys[a], keys[b]));
      for (int i = 0; i < order.length; i++) {
        order[i] = boxed[i];
      }
    }
    return byDay;
  }

  private LakeFile writeDay(LakeDirectory dir, LakeTable table, int[] order, LocalDate day, long firstSeq)
      throws SQLException, IOException {
    Path target = dir.createPartition(table, day).resolve(LakeFile.name(firstSeq, lastSeq));
    rows.publish(new BufferRows.Selection(table, order, seqs, envelopes, records, sources));
    try {
      session.writeParquet(rows.query(table), target);
    } finally {
      rows.publish(null);
    }
    return new LakeFile(table, day, firstSeq, lastSeq, target);
  }

  /** Empties the buffer after its files are installed. */
  void clear() {
    Arrays.fill(envelopes, 0, size, null);
    Arrays.fill(records, 0, size, null);
    Arrays.fill(sources, 0, size, null);
    days.clear();
    size = 0;
    bytes = 0;
    lastSeq = Long.MIN_VALUE;
    startedAt = null;
  }

  /** Throws the buffer away, whatever state it is in. */
  @Override
  public void close() {
    session.close();
  }
}
