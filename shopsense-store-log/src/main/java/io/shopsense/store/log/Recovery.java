package io.shopsense.store.log;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

/**
 * Opens the segments of a log directory and rebuilds the indexes by scanning every record once, checking its length,
 * CRC and sequence number.
 *
 * <p>Only the last segment can end in a torn write (a full segment is forced before the next one is created). Damage
 * there is a torn tail, cut away, if no intact record follows it; if one does, the damage is in acknowledged data and
 * opening fails. Damage anywhere else, a missing segment or a sequence gap always fails with the file and offset.
 * One limit of telling the two apart: after a power loss (not a process crash), the file system may have persisted the
 * pages of the last, unacknowledged write out of order, leaving intact records after a torn one; that case fails too,
 * and asks a person to look, rather than guess.
 */
final class Recovery {

  private static final System.Logger LOG = System.getLogger(Recovery.class.getName());
  private static final int READ_BYTES = 1 << 20;
  private static final int MIN_FRAME = RecordCodec.FRAME_HEADER_BYTES + RecordCodec.MIN_LENGTH;

  private final IdHash hash;
  private final DedupIndex dedup = new DedupIndex(1024);
  private final ErasedIds erased = new ErasedIds();
  private final CRC32C crc = new CRC32C();
  private final RecordCodec.Keys keys = new RecordCodec.Keys();

  private Recovery(IdHash hash) {
    this.hash = hash;
  }

  static LogIndex recover(Path directory, IdHash hash) throws IOException {
    return new Recovery(hash).recover(directory);
  }

  private LogIndex recover(Path directory) throws IOException {
    TreeMap<Long, Path> files = new TreeMap<>();
    try (Stream<Path> list = Files.list(directory)) {
      for (Path p : (Iterable<Path>) list::iterator) {
        if (p.getFileName().toString().endsWith(Segment.TEMP_SUFFIX)) {
          Files.delete(p); // a segment whose creation did not finish; it was never part of the log
        } else if (Segment.firstSeqOf(p) > 0) {
          files.put(Segment.firstSeqOf(p), p);
        }
      }
    }
    List<Segment> segments = new ArrayList<>();
    try {
      if (files.isEmpty()) {
        Segment first = Segment.create(directory, 1);
        first.postings = IdentityPostings.active();
        segments.add(first);
        return new LogIndex(segments, dedup, 0);
      }
      // retention deletes the oldest segments, so the log may start after 1
      long expected = files.firstKey();
      for (Map.Entry<Long, Path> e : files.entrySet()) {
        boolean last = e.getKey().equals(files.lastKey());
        if (e.getKey() != expected) {
          throw new SegmentCorruptedException(e.getValue(), 0, "it starts at sequence number " + e.getKey()
              + " but the log continues at " + expected + (e.getKey() > expected
              ? ": a segment file is missing, or the previous one lost records at its end" : ""));
        }
        Segment s = Segment.open(e.getValue(), e.getKey(), last);
        segments.add(s);
        s.postings = last ? IdentityPostings.active() : IdentityPostings.forSealing();
        expected = scan(s, last);
        if (!last) {
          s.seal(s.postings.sortedPostings());
        }
      }
      return new LogIndex(segments, dedup, erased, expected - 1);
    } catch (IOException | RuntimeException e) {
      for (Segment s : segments) {
        try {
          s.close();
        } catch (IOException suppressed) {
          e.addSuppressed(suppressed);
        }
      }
      throw e;
    }
  }

  /** Indexes every record of the segment; returns the sequence number that follows its last. */
  private long scan(Segment s, boolean last) throws IOException {
    long size = s.written;
    long expected = s.firstSeq;
    Window w = new Window(s, size);
    long pos = Segment.HEADER_BYTES;
    while (pos < size) {
      String problem = null;
      int length = 0;
      int at = 0;
      if (size - pos < RecordCodec.FRAME_HEADER_BYTES) {
        problem = "incomplete record header (" + (size - pos) + " bytes)";
      } else {
        length = w.buf.getInt(w.hold(pos, RecordCodec.FRAME_HEADER_BYTES));
        if (!RecordCodec.plausibleLength(length)) {
          problem = "implausible record length " + length;
        } else if (pos + RecordCodec.FRAME_HEADER_BYTES + length > size) {
          problem = "a record of " + length + " bytes runs past the end of the file (" + size + " bytes)";
        } else {
          at = w.hold(pos, RecordCodec.FRAME_HEADER_BYTES + length);
          if (RecordCodec.crc(w.buf, at, length, crc) != w.buf.getInt(at + 4)) {
            problem = "CRC mismatch";
          }
        }
      }
      if (problem != null) {
        tornTailOrFail(s, last, pos, expected, problem);
        break;
      }
      long seq = w.buf.getLong(at + RecordCodec.FRAME_HEADER_BYTES);
      if (seq != expected) {
        throw new SegmentCorruptedException(s.file, pos, "sequence number " + seq + " where " + expected
            + " was expected");
      }
      index(s, w.buf, at, pos, seq);
      pos += RecordCodec.FRAME_HEADER_BYTES + length;
      expected++;
    }
    s.committedEnd = pos;
    return expected;
  }

  private void index(Segment s, ByteBuffer buf, int at, long pos, long seq) {
    if (RecordCodec.isTombstone(buf, at)) {
      try {
        erased.add(RecordCodec.tombstoneDigest(buf, at), seq);
      } catch (IllegalArgumentException e) {
        throw new SegmentCorruptedException(s.file, pos, "undecodable record: " + e.getMessage());
      }
      s.offsets.add((int) pos);
      s.tombstones++;
      return;
    }
    try {
      RecordCodec.readKeys(buf, at, hash, keys);
    } catch (IllegalArgumentException e) {
      throw new SegmentCorruptedException(s.file, pos, "undecodable record: " + e.getMessage());
    }
    int recordIndex = s.offsets.size();
    s.offsets.add((int) pos);
    for (int i = 0; i < keys.identityCount; i++) {
      s.postings.add(keys.identities[i], recordIndex);
    }
    int idOffset = keys.idOffset;
    int idLength = keys.idLength;
    dedup.addRecovered(keys.idHash, seq, () -> new String(buf.array(), idOffset, idLength, StandardCharsets.UTF_8));
  }

  /** A read-ahead buffer over a segment: most records are found in the last megabyte read. */
  private static final class Window {
    private final Segment segment;
    private final long size;
    ByteBuffer buf = ByteBuffer.allocate(READ_BYTES).limit(0);
    private long start;

    Window(Segment segment, long size) {
      this.segment = segment;
      this.size = size;
    }

    /** Makes {@link #buf} hold the {@code need} bytes at {@code pos} (which must be in the file); returns their index. */
    int hold(long pos, int need) throws IOException {
      if (pos >= start && pos + need <= start + buf.limit()) {
        return (int) (pos - start);
      }
      if (need > buf.capacity()) {
        buf = ByteBuffer.allocate(need);
      }
      buf.clear().limit((int) Math.min(buf.capacity(), size - pos));
      segment.readFully(buf, pos);
      start = pos;
      return 0;
    }
  }

  private void tornTailOrFail(Segment s, boolean last, long pos, long expected, String problem) throws IOException {
    if (!last) {
      throw new SegmentCorruptedException(s.file, pos, problem + " in a segment that is not the last");
    }
    long intact = intactRecordAfter(s, pos, expected);
    if (intact >= 0) {
      throw new SegmentCorruptedException(s.file, pos, problem + "; an intact record follows at byte " + intact
          + ", so this is damage to acknowledged data, not a torn write");
    }
    LOG.log(Level.WARNING, () -> "event log segment " + s.file + ": cutting a torn tail of " + (s.written - pos)
        + " bytes at byte offset " + pos + " (" + problem + "); these events were never acknowledged");
    s.truncate(pos);
  }

  /**
   * The position of the first intact frame (plausible length, inside the file, a plausible sequence number, CRC
   * matching) that starts after {@code bad}, or -1. Tries every byte position, as the damage may have hit a length.
   */
  private long intactRecordAfter(Segment s, long bad, long expected) throws IOException {
    long size = s.written;
    long maxSeq = expected + (size - bad) / MIN_FRAME;
    ByteBuffer window = ByteBuffer.allocate(READ_BYTES);
    long start = bad + 1;
    while (size - start >= MIN_FRAME) {
      window.clear().limit((int) Math.min(window.capacity(), size - start));
      s.readFully(window, start);
      int n = window.limit();
      for (int i = 0; i + 16 <= n; i++) {
        int length = window.getInt(i);
        if (!RecordCodec.plausibleLength(length) || start + i + RecordCodec.FRAME_HEADER_BYTES + length > size) {
          continue;
        }
        long seq = window.getLong(i + RecordCodec.FRAME_HEADER_BYTES);
        if (seq >= expected && seq <= maxSeq && intact(s, start + i, length)) {
          return start + i;
        }
      }
      start += n - 15;
    }
    return -1;
  }

  private boolean intact(Segment s, long pos, int length) throws IOException {
    ByteBuffer frame = ByteBuffer.allocate(RecordCodec.FRAME_HEADER_BYTES + length);
    s.readFully(frame, pos);
    return RecordCodec.crc(frame, 0, length, crc) == frame.getInt(4);
  }
}
