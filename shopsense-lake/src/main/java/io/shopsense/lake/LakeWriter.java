package io.shopsense.lake;

import io.shopsense.api.collect.StoredEvent;
import io.shopsense.core.pipeline.LogConsumer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileLock;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Follows the event log and writes every event to the lake: one row of {@code events} and one row of {@code lines}
 * per product line, in Parquet files partitioned by the UTC day the event happened (a late event goes to its own
 * day, in a file of its own). See {@link LakeTable} for the layout.
 *
 * <p><b>Buffering.</b> Events are buffered in memory ({@link WriteBuffer}: read once into compact records on the Java
 * heap) and flushed once {@link LakeSettings#flushEvents()} are buffered, or they take more than half of
 * {@link LakeSettings#memoryLimit()}, or the oldest is {@link LakeSettings#flushInterval()} old (checked at every
 * {@link #process} and {@link #idle}): one file per (table, day) of the buffer, rows sorted by (timestamp, seq),
 * each written under a temporary name and renamed into place. A flush's files are named for its log range
 * {@code [first, last]}, where {@code first} is one after the writer's previous durable position. Until its files
 * are all installed the writer reports the position before the buffer as durable ({@link LogConsumer}), so the
 * pipeline commits only what is on disk. A clean stop does not flush: what is buffered is handed over again after
 * the restart.
 *
 * <p><b>Recovery and idempotence.</b> On construction, and after a failure, the files are brought back to the
 * committed position ({@link LakeRecovery}): temporary files, files of flushes after it and inputs of an interrupted
 * compaction are deleted. Events at or before the durable position are skipped when handed over again. Replaying
 * the same events after a crash therefore writes each exactly once.
 *
 * <p><b>Compaction.</b> After a flush, a day it wrote to is compacted ({@link LakeCompactor}) once it has
 * {@link LakeSettings#compactMinFiles()} committed files. The writer learns that a position it reported is committed
 * when the pipeline calls it again without {@link #reset} in between (the pipeline commits each reported position
 * before it reads on, and resets the consumer when a commit fails). A failed compaction is logged and retried after
 * the day's next flush; it never stops the writer.
 *
 * <p><b>Lifecycle and threads.</b> The writer holds the lake's writer lock from construction until {@link #close}:
 * a second writer of the same lake, in this process or another, is refused. The pipeline thread calls
 * {@link #process}, {@link #idle} and {@link #reset}; whoever constructed the writer (the platform) closes it after
 * the pipeline has stopped. The methods are synchronized, so a late close cannot interleave with a flush. Event
 * contents are never logged, only counts, positions and days.
 */
public final class LakeWriter implements LogConsumer, AutoCloseable {
  /** The consumer name, the key of the committed position. */
  public static final String NAME = "lake";

  private static final System.Logger LOG = System.getLogger(LakeWriter.class.getName());

  private final LakeSettings settings;
  /** Buffered bytes that force a flush: half the DuckDB memory limit, leaving the flush's query the other half. */
  private final long bufferLimit;
  private final LakeDirectory dir;
  private final Clock clock;
  private final FileLock lock;
  private final LakeCompactor compactor;
  /** Day → the end of the newest range written there, for days that may need compacting once it is committed. */
  private final Map<LocalDate, Long> toCompact = new TreeMap<>();
  /** Days whose compacted inputs wait for their grace to pass before they are deleted. */
  private final Set<LocalDate> toSweep = new TreeSet<>();
  private WriteBuffer buffer;
  /** Every event at or before it is in installed files; never below a position reported. */
  private long durable;
  /** The last position handed over by the pipeline (what it will read after). */
  private long handedOver;
  /** The position returned by the last call. */
  private long reported;
  /** The highest position known to be committed. */
  private long confirmed;
  private boolean cleanupNeeded;
  private boolean closed;
  /**
   * Identifiers erased from the lake while the pipeline may still hand over their events, read from the log before
   * it was erased: such events up to {@link Suppressed#upToSeq} are dropped, then the entry is forgotten.
   */
  private final List<Suppressed> suppressed = new ArrayList<>();

  private record Suppressed(Set<String> anonymousIds, Set<String> userIds, long upToSeq) {
    boolean matches(StoredEvent e) {
      var env = e.envelope();
      return e.seq() <= upToSeq && (env.anonymousId() != null && anonymousIds.contains(env.anonymousId().value())
          || env.userId() != null && userIds.contains(env.userId().value())
          || env.previousId() != null && (anonymousIds.contains(env.previousId())
              || userIds.contains(env.previousId())));
    }
  }

  /**
   * Takes the writer lock and recovers the lake to {@code committedOffset}.
   *
   * @param committedOffset the position the pipeline has committed for {@link #NAME} (0 for none)
   * @param clock           the time used for the flush interval
   * @throws IllegalStateException when another writer holds the lake
   */
  public LakeWriter(LakeSettings settings, long committedOffset, Clock clock) {
    this.settings = settings;
    this.bufferLimit = settings.memoryLimitBytes() / 2;
    this.clock = clock;
    this.dir = new LakeDirectory(settings.directory());
    this.lock = dir.lockForWriting();
    try {
      this.durable = LakeRecovery.recover(dir, committedOffset).durable();
      rememberCrowdedDays();
    } catch (RuntimeException e) {
      releaseLock();
      throw e;
    }
    this.handedOver = committedOffset;
    this.reported = committedOffset;
    this.confirmed = committedOffset;
    this.compactor = new LakeCompactor(dir, () -> buffer().session(), clock);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public synchronized long process(List<StoredEvent> events) throws Exception {
    beginCall();
    if (events.isEmpty()) {
      return reply();
    }
    try {
      Instant now = clock.instant();
      WriteBuffer b = buffer();
      for (StoredEvent event : events) {
        if (event.seq() <= durable || (!b.isEmpty() && event.seq() <= b.lastSeq())) {
          continue; // already written (a replay), or already buffered
        }
        if (isSuppressed(event)) {
          continue; // read from the log before the person was erased from it
        }
        b.append(event, now);
        if (b.size() >= settings.flushEvents() || b.bytes() >= bufferLimit) {
          flush();
        }
      }
      handedOver = events.get(events.size() - 1).seq();
      suppressed.removeIf(x -> x.upToSeq() <= handedOver);
      flushIfOld(now);
    } catch (Exception | LinkageError e) {
      discardBuffer();
      throw e;
    }
    return reply();
  }

  @Override
  public synchronized long idle(long handedOver) throws Exception {
    beginCall();
    try {
      this.handedOver = handedOver;
      suppressed.removeIf(x -> x.upToSeq() <= handedOver);
      flushIfOld(clock.instant());
    } catch (Exception | LinkageError e) {
      discardBuffer();
      throw e;
    }
    return reply();
  }

  /**
   * Erases the rows of these identifiers from the lake ({@link LakeErasure}), in step with writing: flushes the buffer
   * first (it may hold some of them), and drops any of their events up to {@code erasedUpTo} that the pipeline still
   * hands over (read from the log before it was erased). Call it after erasing them from the event log, with the
   * log's last sequence number at that time. Runs on the caller's thread; the pipeline's next call waits for it.
   */
  public synchronized LakeErasure.Report erase(Set<String> anonymousIds, Set<String> userIds, long erasedUpTo)
      throws SQLException, IOException {
    if (closed) {
      throw new IllegalStateException("the lake writer is closed");
    }
    if (buffer != null && !buffer.isEmpty()) {
      flush();
    }
    LakeErasure.Report report = new LakeErasure(dir, buffer().session()).erase(anonymousIds, userIds);
    if (erasedUpTo > handedOver) {
      suppressed.add(new Suppressed(Set.copyOf(anonymousIds), Set.copyOf(userIds), erasedUpTo));
    }
    return report;
  }

  /**
   * Retention: deletes the partitions of days before {@code firstKept} in every table, after flushing the buffer.
   * Returns the paths deleted, relative to the lake's root. A late event of such a day that arrives afterwards is
   * written to a new partition, and goes at the next run.
   */
  public synchronized List<String> deleteDaysBefore(LocalDate firstKept) throws SQLException, IOException {
    if (closed) {
      throw new IllegalStateException("the lake writer is closed");
    }
    if (buffer != null && !buffer.isEmpty()) {
      flush();
    }
    List<String> deleted = LakeRetention.deleteDaysBefore(dir, firstKept);
    toCompact.keySet().removeIf(day -> day.isBefore(firstKept));
    toSweep.removeIf(day -> day.isBefore(firstKept));
    return deleted;
  }

  private boolean isSuppressed(StoredEvent event) {
    for (Suppressed x : suppressed) {
      if (x.matches(event)) {
        return true;
      }
    }
    return false;
  }

  /** Forgets the buffer; files of a flush that failed half-way are deleted before the next call goes on. */
  @Override
  public synchronized void reset() {
    if (!closed) {
      discardBuffer();
    }
  }

  /**
   * Releases the buffer, the DuckDB session and the writer lock, without flushing: unflushed events were never
   * reported durable and are handed over again after a restart. Called by the owner after the pipeline stopped.
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      if (buffer != null) {
        buffer.close();
        buffer = null;
      }
      compactor.close();
    } finally {
      releaseLock();
    }
  }

  private void beginCall() {
    if (closed) {
      throw new IllegalStateException("the lake writer is closed");
    }
    // called again without a reset: the pipeline committed what the previous call reported
    confirmed = Math.max(confirmed, reported);
    if (cleanupNeeded) {
      durable = Math.max(durable, LakeRecovery.recover(dir, durable).durable());
      cleanupNeeded = false;
    }
    compactCommittedDays();
    sweepCompactedDays();
  }

  private void sweepCompactedDays() {
    Iterator<LocalDate> it = toSweep.iterator();
    while (it.hasNext()) {
      LocalDate day = it.next();
      try {
        if (!compactor.sweep(day)) {
          it.remove();
        }
      } catch (RuntimeException e) {
        LOG.log(System.Logger.Level.WARNING, "lake sweep of " + day + " failed; retried later ("
            + e.getClass().getSimpleName() + ")", e);
      }
    }
  }

  private void flushIfOld(Instant now) throws SQLException, IOException {
    if (buffer != null && !buffer.isEmpty() && buffer.age(now).compareTo(settings.flushInterval()) >= 0) {
      flush();
    }
  }

  private void flush() throws SQLException, IOException {
    WriteBuffer b = buffer();
    long first = durable + 1;
    int events = b.size();
    List<LocalDate> days = b.days();
    List<LakeFile> files = b.write(dir, first);
    durable = b.lastSeq();
    b.clear();
    for (LocalDate day : days) {
      toCompact.merge(day, durable, Math::max);
    }
    LOG.log(System.Logger.Level.DEBUG, () -> "lake flushed " + events + " events of " + days.size()
        + " day(s) to " + files.size() + " file(s), seqs " + first + "-" + durable);
  }

  /** The position to report: everything handed over when the buffer is empty, else what precedes the buffer. */
  private long reply() {
    if (buffer == null || buffer.isEmpty()) {
      durable = Math.max(durable, handedOver);
      reported = handedOver;
    } else {
      reported = Math.min(durable, handedOver);
    }
    return reported;
  }

  private void compactCommittedDays() {
    Iterator<Map.Entry<LocalDate, Long>> it = toCompact.entrySet().iterator();
    while (it.hasNext()) {
      Map.Entry<LocalDate, Long> day = it.next();
      if (day.getValue() > confirmed) {
        continue;
      }
      it.remove();
      try {
        for (LakeCompactor.Compaction c : compactor.compact(day.getKey(), confirmed, settings.compactMinFiles())) {
          toSweep.add(c.day());
          LOG.log(System.Logger.Level.INFO, "lake compacted " + c.table() + " " + c.day() + ": " + c.inputFiles()
              + " files, " + c.rows() + " rows, seqs " + c.firstSeq() + "-" + c.lastSeq());
        }
      } catch (RuntimeException e) {
        // an optimisation only: the files stay as they are, and the day's next flush tries again
        LOG.log(System.Logger.Level.WARNING, "lake compaction of " + day.getKey() + " failed; retried later ("
            + e.getClass().getSimpleName() + ")", e);
      }
    }
  }

  private void rememberCrowdedDays() {
    for (LakeTable table : LakeTable.values()) {
      for (LocalDate day : dir.days(table)) {
        List<LakeFile> files = LakeDirectory.live(dir.files(table, day));
        if (files.size() >= settings.compactMinFiles()) {
          long last = files.stream().mapToLong(LakeFile::lastSeq).max().orElseThrow();
          toCompact.merge(day, last, Math::max);
        }
      }
    }
  }

  private WriteBuffer buffer() {
    if (buffer == null) {
      buffer = new WriteBuffer(settings);
    }
    return buffer;
  }

  private void discardBuffer() {
    if (buffer != null) {
      int lost = buffer.size();
      buffer.close();
      buffer = null;
      if (lost > 0) {
        LOG.log(System.Logger.Level.INFO, "lake buffer of " + lost + " events discarded; they come again after "
            + confirmed);
      }
    }
    // the previous report may not have been committed; the pipeline restarts after what it has committed
    reported = confirmed;
    handedOver = confirmed;
    cleanupNeeded = true;
  }

  private void releaseLock() {
    try {
      lock.channel().close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot release the lake's writer lock", e);
    }
  }
}
