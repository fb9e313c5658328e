package io.shopsense.store.log;

import io.shopsense.api.collect.ErasedEvents;
import io.shopsense.api.collect.StoredEvent;
import it.unimi.dsi.fastutil.longs.LongOpenHashSet;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The log's maintenance work, run on the writer thread ({@link GroupCommitter.Exclusive}) so that it never
 * interleaves with an append: erasing a person's events (rewriting each segment that holds one) and retention
 * (deleting the oldest segments whose events are all older than a cutoff).
 */
final class LogMaintenance {

  private static final System.Logger LOG = System.getLogger(LogMaintenance.class.getName());

  private final LogIndex index;
  private final LogReader reader;
  private final IdHash hash;

  LogMaintenance(LogIndex index, LogReader reader, IdHash hash) {
    this.index = index;
    this.reader = reader;
    this.hash = hash;
  }

  /**
   * Erases the events the identity keys and predicate select (as {@code readByIdentity} finds them). The sealed
   * segments that hold some are written again on the calling thread, beside appends (they never change); then the
   * writer thread renames them into place, finds the events appended meanwhile, and rewrites the segments left (the
   * active one, or one sealed meanwhile): appends wait only for that part. The caller holds the maintenance lock.
   */
  ErasedEvents erase(GroupCommitter committer, int[] keys, Predicate<StoredEvent> matches) throws IOException {
    LongOpenHashSet seqs = find(keys, matches, 0);
    List<SegmentRewrite.Prepared> prepared = new ArrayList<>();
    try {
      if (!seqs.isEmpty()) {
        List<Segment> segments = index.segments();
        // all but the last are sealed: immutable until this lock's holder changes them
        for (Segment s : segments.subList(0, segments.size() - 1)) {
          if (containsAny(seqs, s.firstSeq, s.lastSeq())) {
            prepared.add(SegmentRewrite.prepare(s, seqs, hash));
          }
        }
      }
      long seen = seqs.isEmpty() ? 0 : maxOf(seqs);
      ErasedEvents result = (ErasedEvents) SegmentEventLog.await(committer.submit(w -> {
        long start = System.nanoTime();
        List<SegmentRewrite.Result> done = new ArrayList<>();
        List<Segment> installed = new ArrayList<>();
        // appends wait for this part: the renames, one force of the folder for all, the indexes of the new files
        for (SegmentRewrite.Prepared p : prepared) {
          SegmentRewrite.moveIntoPlace(p);
        }
        if (!prepared.isEmpty()) {
          Segment.forceDirectory(prepared.get(0).old().file.getParent());
        }
        for (SegmentRewrite.Prepared p : prepared) {
          SegmentRewrite.Result r = SegmentRewrite.open(p, false);
          index.replace(p.old(), r);
          done.add(r);
          installed.add(p.old());
        }
        LongOpenHashSet all = new LongOpenHashSet(seqs);
        all.addAll(find(keys, matches, seen));
        for (Segment s : index.segments()) {
          if (s.count() == 0 || installed.contains(s) || !containsAny(all, s.firstSeq, s.lastSeq())) {
            continue;
          }
          if (done.stream().anyMatch(r -> r.segment() == s)) {
            continue;
          }
          boolean active = s == w.active();
          SegmentRewrite.Result r = SegmentRewrite.rewrite(s, all, active, hash);
          index.replace(s, r);
          if (active) {
            w.replaceActive(r.segment());
          }
          done.add(r);
        }
        return report(done, (System.nanoTime() - start) / 1_000_000);
      }));
      prepared.clear();
      return result;
    } finally {
      prepared.forEach(SegmentRewrite::discard);
    }
  }

  private ErasedEvents report(List<SegmentRewrite.Result> done, long writerMillis) {
    long events = 0;
    long bytes = 0;
    List<String> files = new ArrayList<>();
    for (SegmentRewrite.Result r : done) {
      events += r.erased().size();
      bytes += r.bytesWritten();
      files.add(r.segment().file.getFileName().toString());
    }
    long erased = events;
    LOG.log(System.Logger.Level.INFO, () -> "event log erasure: " + erased + " events in " + files.size()
        + " segment(s) rewritten; appends waited " + writerMillis + " ms");
    return events == 0 ? ErasedEvents.none() : new ErasedEvents(events, bytes, files);
  }

  private LongOpenHashSet find(int[] keys, Predicate<StoredEvent> matches, long after) {
    LongOpenHashSet seqs = new LongOpenHashSet();
    long cursor = after;
    while (true) {
      List<StoredEvent> page = reader.readByIdentity(keys, matches, cursor, 10_000);
      if (page.isEmpty()) {
        return seqs;
      }
      page.forEach(e -> seqs.add(e.seq()));
      cursor = page.get(page.size() - 1).seq();
    }
  }

  private static long maxOf(LongOpenHashSet seqs) {
    long max = 0;
    for (long seq : seqs) {
      max = Math.max(max, seq);
    }
    return max;
  }

  /** Deletes the oldest segments (never the active one) whose every event happened before {@code cutoff}. */
  ErasedEvents deleteBefore(GroupCommitter.Writer writer, Instant cutoff) throws IOException {
    List<Segment> segments = index.segments();
    List<SegmentRewrite.Erased> ids = new ArrayList<>();
    List<byte[]> digests = new ArrayList<>();
    List<Segment> dropped = new ArrayList<>();
    long events = 0;
    for (Segment s : segments) {
      if (s == writer.active()) {
        break;
      }
      List<SegmentRewrite.Erased> segmentIds = new ArrayList<>();
      List<byte[]> segmentDigests = new ArrayList<>();
      boolean[] allOld = {true};
      SegmentScan.scan(s, (seq, buf, at, frameBytes) -> {
        if (RecordCodec.isTombstone(buf, at)) {
          segmentDigests.add(RecordCodec.tombstoneDigest(buf, at));
          return;
        }
        StoredEvent e = RecordCodec.decode(buf, at);
        if (!e.envelope().timestamp().isBefore(cutoff)) {
          allOld[0] = false;
        }
        byte[] id = RecordCodec.utf8(e.envelope().messageId().value());
        segmentIds.add(new SegmentRewrite.Erased(seq, hash.hash(id, 0, id.length),
            e.envelope().messageId().value(), null));
      });
      if (!allOld[0]) {
        // a partly old segment stays whole until its newest event is old too: segments go in log order only
        break;
      }
      dropped.add(s);
      ids.addAll(segmentIds);
      digests.addAll(segmentDigests);
      events += segmentIds.size();
    }
    if (dropped.isEmpty()) {
      return ErasedEvents.none();
    }
    index.dropOldest(dropped.size(), ids, digests);
    List<String> files = new ArrayList<>();
    for (Segment s : dropped) {
      // oldest first, each durable before the next: after a crash the files left are still a contiguous log
      Files.deleteIfExists(s.file);
      Segment.forceDirectory(s.file.getParent());
      files.add(s.file.getFileName().toString());
    }
    long deleted = events;
    LOG.log(System.Logger.Level.INFO, () -> "event log retention: deleted " + files.size() + " segment(s), "
        + deleted + " events before " + cutoff);
    return new ErasedEvents(events, 0, files);
  }

  private static boolean containsAny(LongOpenHashSet seqs, long first, long last) {
    for (long seq : seqs) {
      if (seq >= first && seq <= last) {
        return true;
      }
    }
    return false;
  }
}
