package io.shopsense.store.log;

import io.shopsense.api.collect.AppendResult;
import io.shopsense.api.collect.EventEnvelope;
import io.shopsense.api.collect.ErasedEvents;
import io.shopsense.api.collect.EventLog;
import io.shopsense.api.collect.StoredEvent;
import io.shopsense.api.id.AnonymousId;
import io.shopsense.api.id.MessageId;
import io.shopsense.api.id.UserId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.function.Predicate;

/**
 * The embedded {@link EventLog}: segment files in one directory, written by a single group-committing writer thread,
 * indexed in memory.
 *
 * <p><b>Durability.</b> {@link #append} returns once its events are forced to disk ({@link Durability#FSYNC}) or
 * written to the operating system ({@link Durability#WRITE}). Concurrent appends are committed together, one write and
 * one force per group; sequence numbers are contiguous, from 1, in commit order. If a write or force fails, that
 * append throws {@link UncheckedIOException} (its events may or may not be stored; retrying after a reopen is safe,
 * as appends are idempotent) and every later append throws {@link IllegalStateException} until the log is reopened.
 *
 * <p><b>Reads</b> see committed records only, never a gap: once a reader has seen sequence number N, no event with a
 * smaller one appears later. Every read checks the record's CRC and throws {@link SegmentCorruptedException} on
 * damage.
 *
 * <p><b>Opening</b> takes an exclusive lock on the directory (a second open, in this or another process, fails with
 * {@link IllegalStateException}), scans every record to rebuild the indexes, cuts a torn tail off the last segment,
 * and fails with {@link SegmentCorruptedException} on any other damage. It costs one sequential read of the log.
 *
 * <p><b>Erasure and retention</b> ({@link #erase}, {@link #deleteBefore}) rewrite or delete whole segment files,
 * atomically each; an erased event keeps its sequence number as a frame holding only a digest of its message id, so
 * numbering, consumers' positions and recovery are unaffected (ADR 0016).
 *
 * <p><b>Memory.</b> About 30–45 bytes of heap per stored event: a 12-byte slot per message id in an open hash map, a
 * 4-byte offset per record and 8 bytes per identity the event carries. The log holds at most 2<sup>32</sup>−1
 * events.
 *
 * <p>Thread-safe. Arguments must not be null unless stated; every method throws {@link IllegalStateException} after
 * {@link #close()}.
 */
public final class SegmentEventLog implements EventLog {

  private final Path directory;
  private final IdHash hash;
  private final DirectoryLock lock;
  private final LogIndex index;
  private final LogReader reader;
  private final GroupCommitter committer;
  private final LogMaintenance maintenance;
  /** One erasure or retention run at a time: they prepare files from the index they read. */
  private final java.util.concurrent.locks.ReentrantLock maintenanceLock =
      new java.util.concurrent.locks.ReentrantLock();
  private volatile boolean closed;

  private SegmentEventLog(Path directory, SegmentLogSettings settings, IdHash hash, DirectoryLock lock,
      LogIndex index) {
    this.directory = directory;
    this.hash = hash;
    this.lock = lock;
    this.index = index;
    this.reader = new LogReader(index);
    this.committer = new GroupCommitter(directory, settings, index, reader);
    this.maintenance = new LogMaintenance(index, reader, hash);
    committer.start();
  }

  /**
   * Opens the log in {@code directory}, creating the directory and an empty log if needed.
   *
   * @throws IllegalStateException      if another {@code SegmentEventLog} holds the directory
   * @throws SegmentCorruptedException  if a segment is damaged other than by a torn final write
   * @throws UncheckedIOException       if the files cannot be read or created
   */
  public static SegmentEventLog open(Path directory, SegmentLogSettings settings) {
    return open(directory, settings, IdHash.DEFAULT);
  }

  /** As {@link #open(Path, SegmentLogSettings)}, with the id hash function given, for tests that force collisions. */
  static SegmentEventLog open(Path directory, SegmentLogSettings settings, IdHash hash) {
    Objects.requireNonNull(directory, "directory");
    Objects.requireNonNull(settings, "settings");
    DirectoryLock lock;
    try {
      lock = DirectoryLock.acquire(directory);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot lock the event log directory " + directory, e);
    }
    try {
      return new SegmentEventLog(directory, settings, hash, lock, Recovery.recover(directory, hash));
    } catch (IOException | RuntimeException e) {
      try {
        lock.close();
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e instanceof IOException io ? new UncheckedIOException("cannot open the event log in " + directory, io)
          : (RuntimeException) e;
    }
  }

  /**
   * {@inheritDoc} The envelopes are encoded on the calling thread; the call then waits, uninterruptibly, for the
   * group commit that includes them.
   *
   * @throws IllegalArgumentException if an encoded event exceeds 16 MiB
   */
  @Override
  public List<AppendResult> append(List<EventEnvelope> envelopes) {
    ensureOpen();
    if (envelopes.isEmpty()) {
      return List.of();
    }
    List<PreparedRecord> prepared = new ArrayList<>(envelopes.size());
    // once events were erased, retries are checked against their ids' digests: hash here, not on the writer thread
    boolean digest = index.erased.any();
    for (EventEnvelope e : envelopes) {
      PreparedRecord r = RecordCodec.prepare(Objects.requireNonNull(e, "envelope"), hash);
      prepared.add(digest ? r.withDigest() : r);
    }
    try {
      return committer.submit(prepared).join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw e;
    }
  }

  @Override
  public Optional<StoredEvent> find(MessageId messageId) {
    ensureOpen();
    byte[] id = RecordCodec.utf8(messageId.value());
    return reader.find(hash.hash(id, 0, id.length), messageId.value());
  }

  /** {@inheritDoc} A negative {@code max} is an error; 0 gives an empty list. */
  @Override
  public List<StoredEvent> readAfter(long afterSeq, int max) {
    ensureOpen();
    requireMax(max);
    return reader.readAfter(afterSeq, max);
  }

  /** {@inheritDoc} Either collection may be null, meaning empty. */
  @Override
  public List<StoredEvent> readByIdentity(Collection<AnonymousId> anonymousIds, Collection<UserId> userIds,
      long afterSeq, int max) {
    ensureOpen();
    requireMax(max);
    IdentityQuery q = identityQuery(anonymousIds, userIds);
    if (q.keys().length == 0 || max == 0) {
      return List.of();
    }
    return reader.readByIdentity(q.keys(), q.matches(), afterSeq, max);
  }

  /**
   * {@inheritDoc} Each segment holding such an event is written again with the event replaced by a frame that keeps
   * only its sequence number and a SHA-256 digest of its message id (see {@link RecordCodec}), then renamed over the
   * old file; the in-memory indexes are rebuilt for it, so no identifier of the event is left in a file or index of
   * the log. Sealed segments are written beside appends; appends wait while the files are renamed into place and
   * while the segment being appended to, if it holds such an event, is rewritten. Either collection may be null,
   * meaning empty.
   *
   * @throws UncheckedIOException if a file cannot be written; the log then takes no appends until it is reopened
   *                              (every file is the old or the new one; erasing again after the reopen finishes it)
   */
  @Override
  public ErasedEvents erase(Collection<AnonymousId> anonymousIds, Collection<UserId> userIds) {
    ensureOpen();
    IdentityQuery q = identityQuery(anonymousIds, userIds);
    if (q.keys().length == 0) {
      return ErasedEvents.none();
    }
    maintenanceLock.lock();
    try {
      return maintenance.erase(committer, q.keys(), q.matches());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot erase from the event log in " + directory, e);
    } finally {
      maintenanceLock.unlock();
    }
  }

  /**
   * {@inheritDoc} Deletes whole segments only, oldest first, and never the one being appended to: a segment with one
   * event at or after the cutoff stays whole (with its older events) until that event is old too.
   */
  @Override
  public ErasedEvents deleteBefore(Instant cutoff) {
    ensureOpen();
    Objects.requireNonNull(cutoff, "cutoff");
    maintenanceLock.lock();
    try {
      return (ErasedEvents) await(committer.submit(w -> maintenance.deleteBefore(w, cutoff)));
    } finally {
      maintenanceLock.unlock();
    }
  }

  static Object await(java.util.concurrent.CompletableFuture<Object> done) {
    try {
      return done.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw e;
    }
  }

  /** The identity keys to look up and the exact test of a candidate (keys are 32-bit hashes and may collide). */
  private record IdentityQuery(int[] keys, Predicate<StoredEvent> matches) {}

  private IdentityQuery identityQuery(Collection<AnonymousId> anonymousIds, Collection<UserId> userIds) {
    Set<String> anonymous = new HashSet<>();
    Set<String> users = new HashSet<>();
    List<Integer> keys = new ArrayList<>();
    if (anonymousIds != null) {
      for (AnonymousId a : anonymousIds) {
        anonymous.add(a.value());
        keys.add(identityKey(IdHash.ANONYMOUS, a.value()));
      }
    }
    if (userIds != null) {
      for (UserId u : userIds) {
        users.add(u.value());
        keys.add(identityKey(IdHash.USER, u.value()));
      }
    }
    Predicate<StoredEvent> matches = e -> {
      EventEnvelope env = e.envelope();
      String previous = env.previousId();
      return env.anonymousId() != null && anonymous.contains(env.anonymousId().value())
          || env.userId() != null && users.contains(env.userId().value())
          || previous != null && (anonymous.contains(previous) || users.contains(previous));
    };
    return new IdentityQuery(keys.stream().distinct().mapToInt(Integer::intValue).toArray(), matches);
  }

  @Override
  public long lastSeq() {
    ensureOpen();
    return index.lastSeq();
  }

  @Override
  public long count() {
    ensureOpen();
    return index.count();
  }

  /** {@inheritDoc} Returns false, too, when the log is closed while waiting. */
  @Override
  public boolean awaitAfter(long afterSeq, Duration timeout) throws InterruptedException {
    ensureOpen();
    return index.awaitAfter(afterSeq, timeout);
  }

  /**
   * Commits the appends already queued, then closes the files and releases the directory. Appends and reads after
   * this throw {@link IllegalStateException}. Idempotent.
   */
  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    committer.close();
    try (DirectoryLock l = lock) {
      index.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close the event log in " + directory, e);
    }
  }

  /** The number of group commits since open: each one write and (with FSYNC) one force. */
  long commitCount() {
    return index.commits();
  }

  @Override
  public String toString() {
    return "SegmentEventLog[" + directory + "]";
  }

  private int identityKey(byte namespace, String id) {
    byte[] bytes = RecordCodec.utf8(id);
    return hash.identityKey(namespace, bytes, 0, bytes.length);
  }

  private void ensureOpen() {
    if (closed) {
      throw new IllegalStateException("the event log in " + directory + " is closed");
    }
  }

  private static void requireMax(int max) {
    if (max < 0) {
      throw new IllegalArgumentException("max must not be negative, was " + max);
    }
  }
}
