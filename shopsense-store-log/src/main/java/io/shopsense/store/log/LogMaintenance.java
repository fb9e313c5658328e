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

  /** Erases the events the identity keys and predicate select (as {@code readByIdentity} finds them). */
  ErasedEvents erase(GroupCommitter.Writer writer, int[] keys, Predicate<StoredEvent> matches) throws IOException {
    LongOpenHashSet seqs = new LongOpenHashSet();
    long cursor = 0;
    while (true) {
      List<StoredEvent> page = reader.readByIdentity(keys, matches, cursor, 10_000);
      if (page.isEmpty()) {
        break;
      }
      page.forEach(e -> seqs.add(e.seq()));
      cursor = page.get(page.size() - 1).seq();
    }
    if (seqs.isEmpty()) {
      return ErasedEvents.none();
    }
    long events = 0;
    long bytes = 0;
    List<String> files = new ArrayList<>();
    for (Segment s : index.segments()) {
      if (s.count() == 0 || !containsAny(seqs, s.firstSeq, s.lastSeq())) {
        continue;
      }
      boolean active = s == writer.active();
      SegmentRewrite.Result r = SegmentRewrite.rewrite(s, seqs, active, hash);
      index.replace(s, r);
      if (active) {
        writer.replaceActive(r.segment());
      }
      events += r.erased().size();
      bytes += r.bytesWritten();
      files.add(s.file.getFileName().toString());
    }
    long erased = events;
    LOG.log(System.Logger.Level.INFO, () -> "event log erasure: " + erased + " events in " + files.size()
        + " segment(s) rewritten");
    return new ErasedEvents(events, bytes, files);
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
