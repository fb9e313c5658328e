package io.shopsense.store.log;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The in-memory view of the committed log: the segments with their offset and identity indexes, the message-id index,
 * and the last committed sequence number.
 *
 * <p>The writer thread changes it only after a group is durable ({@link #commit}), under the write lock, so readers,
 * which look up positions under the read lock and do their I/O after releasing it, see committed records only, and
 * in sequence order. The writer thread may read the dedup index without the lock: it is the only mutator.
 */
final class LogIndex {

  /** A committed record's place in a segment file. */
  record Located(Segment segment, long seq, long start, long end) {}

  /** Consecutive committed records of one segment: {@code bounds} holds each frame's start, then the last's end. */
  record Span(Segment segment, long firstSeq, long[] bounds) {}

  /** A record the writer has made durable, for {@link #commit}. */
  record Written(Segment segment, long position, int frameBytes, int[] identityKeys) {}

  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  private final Lock read = lock.readLock();
  private final Lock write = lock.writeLock();
  private final ReentrantLock commitLock = new ReentrantLock();
  private final Condition committed = commitLock.newCondition();

  private final List<Segment> segments;
  private volatile long firstSeq;
  final DedupIndex dedup;
  /** Digests of erased message ids; guarded like {@link #dedup}. */
  final ErasedIds erased;
  private volatile long committedSeq;
  private volatile boolean closed;
  /** Group commits published, for the benchmark's events-per-fsync figure. */
  private volatile long commits;

  LogIndex(List<Segment> segments, DedupIndex dedup, long committedSeq) {
    this(segments, dedup, new ErasedIds(), committedSeq);
  }

  LogIndex(List<Segment> segments, DedupIndex dedup, ErasedIds erased, long committedSeq) {
    this.segments = new ArrayList<>(segments);
    this.firstSeq = segments.get(0).firstSeq;
    this.dedup = dedup;
    this.erased = erased;
    this.committedSeq = committedSeq;
  }

  long lastSeq() {
    return committedSeq;
  }

  long commits() {
    return commits;
  }

  /** Stored events: the committed sequence numbers from the first segment's on, less the erased ones. */
  long count() {
    read.lock();
    try {
      long tombstones = 0;
      for (Segment s : segments) {
        tombstones += s.tombstones;
      }
      return committedSeq - firstSeq + 1 - tombstones;
    } finally {
      read.unlock();
    }
  }

  /** The segments, oldest first, as they are now. For the writer thread's maintenance work. */
  List<Segment> segments() {
    read.lock();
    try {
      return List.copyOf(segments);
    } finally {
      read.unlock();
    }
  }

  /**
   * Puts a rewritten segment in the place of the old one and forgets the erased events' ids (keeping their digests);
   * then retires the old one, so a reader still on it starts over. Writer thread only.
   */
  void replace(Segment old, SegmentRewrite.Result rewritten) throws IOException {
    write.lock();
    try {
      int i = segments.indexOf(old);
      if (i < 0) {
        throw new IllegalStateException("segment " + old.file + " is not in the index");
      }
      segments.set(i, rewritten.segment());
      for (SegmentRewrite.Erased e : rewritten.erased()) {
        dedup.remove(e.idHash(), e.messageId(), e.seq());
        erased.add(e.digest(), e.seq());
      }
    } finally {
      write.unlock();
    }
    old.retire();
  }

  /**
   * Drops the {@code n} oldest segments from the index (retention) and forgets their ids; the caller deletes the
   * files afterwards. Never the last segment. Writer thread only.
   */
  void dropOldest(int n, List<SegmentRewrite.Erased> ids, List<byte[]> digests) throws IOException {
    List<Segment> dropped;
    write.lock();
    try {
      if (n >= segments.size()) {
        throw new IllegalStateException("the active segment cannot be dropped");
      }
      dropped = new ArrayList<>(segments.subList(0, n));
      segments.subList(0, n).clear();
      firstSeq = segments.get(0).firstSeq;
      for (SegmentRewrite.Erased e : ids) {
        dedup.remove(e.idHash(), e.messageId(), e.seq());
      }
      digests.forEach(erased::remove);
    } finally {
      write.unlock();
    }
    for (Segment s : dropped) {
      s.retire();
    }
  }

  /** The segment the writer appends to after opening. */
  Segment lastSegment() {
    read.lock();
    try {
      return segments.get(segments.size() - 1);
    } finally {
      read.unlock();
    }
  }

  /** Publishes a durable group: new segments, the records' index entries, their message ids; wakes waiting readers. */
  void commit(List<Segment> opened, List<Written> records, DedupIndex ids, long lastSeq) {
    write.lock();
    try {
      segments.addAll(opened);
      for (Written w : records) {
        Segment s = w.segment();
        int index = s.offsets.size();
        s.offsets.add((int) w.position());
        for (int key : w.identityKeys()) {
          s.postings.add(key, index);
        }
        s.committedEnd = w.position() + w.frameBytes();
      }
      dedup.addAll(ids);
      committedSeq = lastSeq;
      commits++;
    } finally {
      write.unlock();
    }
    signalAll();
  }

  /** Switches a full segment to its compact form; the sort runs before taking the lock. */
  void seal(Segment segment) throws IOException {
    long[] sorted = segment.postings.sortedPostings();
    write.lock();
    try {
      segment.seal(sorted);
    } finally {
      write.unlock();
    }
  }

  /** The committed records after {@code afterSeq}, at most {@code max}, by segment. */
  List<Span> spansAfter(long afterSeq, int max) {
    read.lock();
    try {
      List<Span> spans = new ArrayList<>();
      if (afterSeq >= committedSeq || max <= 0) {
        return spans;
      }
      long from = Math.max(afterSeq + 1, firstSeq);
      long to = Math.min(committedSeq, from + max - 1);
      for (int i = segmentIndexOf(from); from <= to && i < segments.size(); i++) {
        Segment s = segments.get(i);
        int a = (int) (from - s.firstSeq);
        int b = (int) (Math.min(to, s.lastSeq()) - s.firstSeq);
        if (b >= a) {
          long[] bounds = new long[b - a + 2];
          for (int k = a; k <= b; k++) {
            bounds[k - a] = s.frameStart(k);
          }
          bounds[b - a + 1] = s.frameEnd(b);
          spans.add(new Span(s, s.firstSeq + a, bounds));
        }
        from = Math.max(from, s.lastSeq() + 1);
      }
      return spans;
    } finally {
      read.unlock();
    }
  }

  /** Where the record with this sequence number is, or null if it is not committed. */
  Located locate(long seq) {
    read.lock();
    try {
      return locateLocked(seq);
    } finally {
      read.unlock();
    }
  }

  /** The candidates for a message id: the owner of its hash's slot and its exact entry among colliding ids. */
  List<Located> idCandidates(long hash, String messageId) {
    read.lock();
    try {
      List<Located> out = new ArrayList<>(2);
      long owner = dedup.candidate(hash);
      if (owner != 0) {
        out.add(locateLocked(owner));
      }
      long exact = dedup.collided(messageId);
      if (exact != 0 && exact != owner) {
        out.add(locateLocked(exact));
      }
      return out;
    } finally {
      read.unlock();
    }
  }

  /**
   * Up to {@code want} committed records after {@code afterSeq} that carry one of the identity keys, ascending. A key
   * may belong to another identity too (32-bit keys collide), so callers check each record.
   */
  List<Located> identityCandidates(int[] keys, long afterSeq, int want) {
    read.lock();
    try {
      List<Located> out = new ArrayList<>();
      if (afterSeq >= committedSeq || want <= 0) {
        return out;
      }
      IntArrayList indexes = new IntArrayList();
      long from = Math.max(afterSeq + 1, firstSeq);
      for (int i = segmentIndexOf(from); i < segments.size() && out.size() < want; i++) {
        Segment s = segments.get(i);
        int afterIndex = (int) Math.max(-1, afterSeq - s.firstSeq);
        indexes.clear();
        for (int key : keys) {
          s.postings.collect(key, afterIndex, indexes);
        }
        indexes.unstableSort(null);
        int previous = -1;
        for (int k = 0; k < indexes.size() && out.size() < want; k++) {
          int index = indexes.getInt(k);
          if (index != previous) {
            out.add(new Located(s, s.firstSeq + index, s.frameStart(index), s.frameEnd(index)));
            previous = index;
          }
        }
      }
      return out;
    } finally {
      read.unlock();
    }
  }

  boolean awaitAfter(long seq, Duration timeout) throws InterruptedException {
    if (committedSeq > seq) {
      return true;
    }
    long nanos = timeoutNanos(timeout);
    commitLock.lockInterruptibly();
    try {
      while (committedSeq <= seq) {
        if (closed || nanos <= 0) {
          return false;
        }
        nanos = committed.awaitNanos(nanos);
      }
      return true;
    } finally {
      commitLock.unlock();
    }
  }

  /** Closes every segment; readers still running get a closed-channel error, waiting consumers wake up. */
  void close() throws IOException {
    IOException failure = null;
    write.lock();
    try {
      closed = true;
      for (Segment s : segments) {
        try {
          s.close();
        } catch (IOException e) {
          failure = e;
        }
      }
    } finally {
      write.unlock();
    }
    signalAll();
    if (failure != null) {
      throw failure;
    }
  }

  private void signalAll() {
    commitLock.lock();
    try {
      committed.signalAll();
    } finally {
      commitLock.unlock();
    }
  }

  private Located locateLocked(long seq) {
    if (seq > committedSeq || seq < firstSeq) {
      return null;
    }
    Segment s = segments.get(segmentIndexOf(seq));
    int index = (int) (seq - s.firstSeq);
    return new Located(s, seq, s.frameStart(index), s.frameEnd(index));
  }

  /** The index of the segment that holds (or would hold) this sequence number. */
  private int segmentIndexOf(long seq) {
    int lo = 0;
    int hi = segments.size() - 1;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (segments.get(mid).firstSeq <= seq) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return lo;
  }

  private static long timeoutNanos(Duration d) {
    return d.isNegative() ? 0 : TimeUnit.NANOSECONDS.convert(d);
  }
}
