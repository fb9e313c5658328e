package io.shopsense.store.log;

import io.shopsense.api.collect.AppendResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.zip.CRC32C;

/**
 * The single writer. Appending threads queue their prepared records; the writer thread takes everything queued,
 * decides duplicates, assigns sequence numbers in queue order, writes the frames with as few writes as its buffer
 * allows, forces once (with {@link Durability#FSYNC}), publishes the group to the {@link LogIndex} and then completes
 * every caller. Whatever queues up during one force is the next group, so concurrent appenders share fsyncs without any
 * timer.
 *
 * <p>An I/O error fails the group's callers and every later append: after a failed write or force the file's state
 * is unknown (the page cache may have dropped the data), so only a reopen, which scans and repairs, is safe.
 */
final class GroupCommitter {

  private static final int BUFFER_BYTES = 4 << 20;

  private final Path directory;
  private final SegmentLogSettings settings;
  private final LogIndex index;
  private final LogReader reader;
  private final Thread thread;

  private final ReentrantLock queueLock = new ReentrantLock();
  private final Condition queued = queueLock.newCondition();
  private final ArrayDeque<Request> queue = new ArrayDeque<>();
  private boolean closing;
  private Throwable failure;

  // writer thread only
  private Segment active;
  private long nextSeq;
  private final ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER_BYTES);
  private final CRC32C crc = new CRC32C();

  private record Request(List<PreparedRecord> records, CompletableFuture<List<AppendResult>> done,
      Exclusive work, CompletableFuture<Object> workDone) {}

  /**
   * Maintenance that must not interleave with appends (erasure, retention): runs on the writer thread between two
   * groups, with every earlier append committed and nothing buffered. It may replace the active segment through
   * {@link Writer#replaceActive}. A failure of it fails the log as a failed write does (the files may have changed
   * under the index): only a reopen, which rebuilds the index from the files, is safe afterwards.
   */
  @FunctionalInterface
  interface Exclusive {
    Object run(Writer writer) throws IOException;
  }

  /** What maintenance work sees of the writer. */
  interface Writer {
    Segment active();

    void replaceActive(Segment segment);
  }

  GroupCommitter(Path directory, SegmentLogSettings settings, LogIndex index, LogReader reader) {
    this.directory = directory;
    this.settings = settings;
    this.index = index;
    this.reader = reader;
    this.active = index.lastSegment();
    this.nextSeq = index.lastSeq() + 1;
    this.thread = new Thread(this::run, "shopsense-event-log-writer " + directory.getFileName());
    thread.setDaemon(true);
  }

  void start() {
    thread.start();
  }

  /** Queues the records; the future completes once they are durable and visible to readers. */
  CompletableFuture<List<AppendResult>> submit(List<PreparedRecord> records) {
    Request request = new Request(records, new CompletableFuture<>(), null, null);
    enqueue(request);
    return request.done();
  }

  /** Queues maintenance work behind the appends queued so far; the future completes with its result. */
  CompletableFuture<Object> submit(Exclusive work) {
    Request request = new Request(null, null, work, new CompletableFuture<>());
    enqueue(request);
    return request.workDone();
  }

  private void enqueue(Request request) {
    queueLock.lock();
    try {
      if (failure != null) {
        throw new IllegalStateException("the event log failed earlier and takes no appends until it is reopened",
            failure);
      }
      if (closing) {
        throw new IllegalStateException("the event log is closed");
      }
      queue.add(request);
      queued.signal();
    } finally {
      queueLock.unlock();
    }
  }

  /** Commits what is queued, then stops the writer thread. */
  void close() {
    queueLock.lock();
    try {
      closing = true;
      queued.signal();
    } finally {
      queueLock.unlock();
    }
    boolean interrupted = false;
    while (thread.isAlive()) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private void run() {
    List<Request> group = new ArrayList<>();
    while (true) {
      queueLock.lock();
      try {
        while (queue.isEmpty() && !closing) {
          queued.awaitUninterruptibly();
        }
        if (queue.isEmpty()) {
          return;
        }
        group.addAll(queue);
        queue.clear();
      } finally {
        queueLock.unlock();
      }
      try {
        commitInOrder(group);
      } catch (Throwable t) {
        fail(t, group);
        return;
      }
      group.clear();
    }
  }

  /** What one group commit produced, kept apart so a failure can clean up after itself. */
  private static final class Batch {
    final long firstSeq;
    final DedupIndex fresh = new DedupIndex(256);
    final List<String> freshIds = new ArrayList<>();
    final List<LogIndex.Written> written = new ArrayList<>();
    final List<Segment> opened = new ArrayList<>();
    final List<Segment> full = new ArrayList<>();
    final List<List<AppendResult>> results = new ArrayList<>();

    Batch(long firstSeq) {
      this.firstSeq = firstSeq;
    }
  }

  /** Commits the appends of the group, running any maintenance work at its place in the queue. */
  private void commitInOrder(List<Request> group) throws IOException {
    List<Request> appends = new ArrayList<>();
    for (int i = 0; i < group.size(); i++) {
      Request r = group.get(i);
      if (r.work() == null) {
        appends.add(r);
        continue;
      }
      if (!appends.isEmpty()) {
        commit(appends);
        appends.clear();
      }
      // a failure fails this request and every one not completed yet, with the log
      r.workDone().complete(r.work().run(writerView));
    }
    if (!appends.isEmpty()) {
      commit(appends);
    }
  }

  private final Writer writerView = new Writer() {
    @Override
    public Segment active() {
      return active;
    }

    @Override
    public void replaceActive(Segment segment) {
      active = segment;
    }
  };

  private void commit(List<Request> group) throws IOException {
    Batch batch = new Batch(nextSeq);
    try {
      write(group, batch);
    } catch (IOException | RuntimeException e) {
      closeUnpublished(batch.opened);
      throw e;
    }
    if (!batch.written.isEmpty()) {
      index.commit(batch.opened, batch.written, batch.fresh, nextSeq - 1);
    }
    for (int i = 0; i < group.size(); i++) {
      group.get(i).done().complete(batch.results.get(i));
    }
    for (Segment s : batch.full) {
      index.seal(s);
    }
  }

  /** Decides duplicates, assigns sequence numbers, writes and (with FSYNC) forces the group. */
  private void write(List<Request> group, Batch batch) throws IOException {
    for (Request request : group) {
      List<AppendResult> out = new ArrayList<>(request.records().size());
      for (PreparedRecord r : request.records()) {
        long copy = index.dedup.find(r.idHash(), r.messageId(), reader::messageIdAt);
        if (copy == 0) {
          copy = batch.fresh.find(r.idHash(), r.messageId(),
              seq -> batch.freshIds.get((int) (seq - batch.firstSeq)));
        }
        if (copy == 0) {
          // a retry of an erased event: still a duplicate, recognised by its id's digest
          copy = index.erased.find(r);
        }
        if (copy != 0) {
          out.add(AppendResult.duplicate(copy));
          continue;
        }
        long seq = nextSeq++;
        batch.fresh.add(r.idHash(), r.messageId(), seq, index.dedup.containsHash(r.idHash()));
        batch.freshIds.add(r.messageId());
        int frameBytes = r.frameBytes();
        long end = active.written + buffer.position();
        if (end > Segment.HEADER_BYTES && end + frameBytes > settings.segmentBytes()) {
          roll(seq, batch);
        }
        batch.written.add(new LogIndex.Written(active, append(seq, r, frameBytes), frameBytes, r.identityKeys()));
        out.add(AppendResult.stored(seq));
      }
      batch.results.add(out);
    }
    flush();
    if (!batch.written.isEmpty() && settings.durability() == Durability.FSYNC) {
      active.force();
    }
  }

  /** Frames one record into the buffer (or writes it directly if it is larger); returns its file position. */
  private long append(long seq, PreparedRecord r, int frameBytes) throws IOException {
    if (buffer.remaining() < frameBytes) {
      flush();
    }
    long position = active.written + buffer.position();
    if (frameBytes <= buffer.capacity()) {
      RecordCodec.writeFrame(buffer, seq, r.body(), crc);
    } else {
      ByteBuffer big = ByteBuffer.allocate(frameBytes);
      RecordCodec.writeFrame(big, seq, r.body(), crc);
      active.write(big.flip());
    }
    return position;
  }

  /**
   * Starts a new segment at {@code firstSeq}. The full one is forced first whatever the durability, so that only the
   * last segment can ever have a torn tail, which is what recovery relies on.
   */
  private void roll(long firstSeq, Batch batch) throws IOException {
    flush();
    active.force();
    batch.full.add(active);
    active = Segment.create(directory, firstSeq);
    active.postings = IdentityPostings.active();
    batch.opened.add(active);
  }

  /** Segments created in a failed group are not in the index, so the index's close would miss them. */
  private static void closeUnpublished(List<Segment> opened) {
    for (Segment s : opened) {
      try {
        s.close();
      } catch (IOException e) {
        // the group already failed with the first error; this one adds nothing
      }
    }
  }

  private void flush() throws IOException {
    buffer.flip();
    active.write(buffer);
    buffer.clear();
  }

  private void fail(Throwable t, List<Request> group) {
    List<Request> pending = new ArrayList<>(group);
    queueLock.lock();
    try {
      failure = t;
      pending.addAll(queue);
      queue.clear();
    } finally {
      queueLock.unlock();
    }
    RuntimeException error = t instanceof IOException io
        ? new UncheckedIOException("the event log could not write to " + directory
            + "; these events may or may not be stored, and the log takes no appends until it is reopened", io)
        : new IllegalStateException("the event log's writer failed; reopen the log", t);
    for (Request r : pending) {
      if (r.work() != null) {
        r.workDone().completeExceptionally(error);
      } else if (!r.done().isDone()) {
        r.done().completeExceptionally(error);
      }
    }
  }
}
