package io.shopsense.store.log;

import io.shopsense.api.collect.StoredEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.zip.CRC32C;

/**
 * Reads committed records: positions come from the {@link LogIndex} under its read lock, the bytes are read after the
 * lock is released, and every frame's length, CRC and sequence number are checked again, so bit rot after open is
 * reported (with file and offset) rather than returned. Thread-safe.
 */
final class LogReader {

  /** Consecutive records are read in chunks of about this size. */
  private static final int CHUNK_BYTES = 1 << 20;

  private final LogIndex index;

  LogReader(LogIndex index) {
    this.index = index;
  }

  /**
   * Thrown by a read that met a segment an erasure or retention replaced meanwhile: the public reads start over from
   * the index, which no longer lists it.
   */
  private static final class SegmentRetired extends RuntimeException {
    SegmentRetired() {
      super(null, null, false, false);
    }
  }

  /** Erased events' frames are skipped: a page is filled from the records after them. */
  List<StoredEvent> readAfter(long afterSeq, int max) {
    while (true) {
      try {
        return readAfterOnce(afterSeq, max);
      } catch (SegmentRetired retry) {
        // the index has the new segment already
      }
    }
  }

  private List<StoredEvent> readAfterOnce(long afterSeq, int max) {
    List<StoredEvent> out = new ArrayList<>();
    CRC32C crc = new CRC32C();
    long cursor = afterSeq;
    while (out.size() < max) {
      List<LogIndex.Span> spans = index.spansAfter(cursor, max - out.size());
      if (spans.isEmpty()) {
        break;
      }
      for (LogIndex.Span span : spans) {
        long[] bounds = span.bounds();
        int i = 0;
        while (i < bounds.length - 1) {
          int j = i + 1;
          while (j < bounds.length - 1 && bounds[j + 1] - bounds[i] <= CHUNK_BYTES) {
            j++;
          }
          ByteBuffer chunk = read(span.segment(), bounds[i], bounds[j]);
          for (int k = i; k < j; k++) {
            StoredEvent e = decode(span.segment(), chunk, (int) (bounds[k] - bounds[i]), bounds[k],
                bounds[k + 1] - bounds[k], span.firstSeq() + k, crc);
            if (e != null) {
              out.add(e);
            }
          }
          i = j;
        }
        cursor = span.firstSeq() + bounds.length - 2;
      }
    }
    return out;
  }

  /** The stored event with this message id: the hash's owner if it is that id, else the exact collided entry. */
  Optional<StoredEvent> find(long hash, String messageId) {
    while (true) {
      try {
        for (LogIndex.Located candidate : index.idCandidates(hash, messageId)) {
          StoredEvent e = read(candidate);
          if (e != null && e.envelope().messageId().value().equals(messageId)) {
            return Optional.of(e);
          }
        }
        return Optional.empty();
      } catch (SegmentRetired retry) {
        // read again from the index
      }
    }
  }

  /** The message id stored at a committed sequence number, null for an erased event. Writer thread only. */
  String messageIdAt(long seq) {
    LogIndex.Located at = index.locate(seq);
    if (at == null) {
      throw new IllegalStateException("sequence number " + seq + " is indexed but not committed");
    }
    // the writer thread is the only one that retires segments, so this read never meets a retired one
    StoredEvent e = read(at);
    return e == null ? null : e.envelope().messageId().value();
  }

  /** The records after {@code afterSeq} with one of the keys that {@code matches}, ascending, at most {@code max}. */
  List<StoredEvent> readByIdentity(int[] keys, Predicate<StoredEvent> matches, long afterSeq, int max) {
    while (true) {
      try {
        return readByIdentityOnce(keys, matches, afterSeq, max);
      } catch (SegmentRetired retry) {
        // read again from the index
      }
    }
  }

  private List<StoredEvent> readByIdentityOnce(int[] keys, Predicate<StoredEvent> matches, long afterSeq, int max) {
    List<StoredEvent> out = new ArrayList<>();
    long cursor = afterSeq;
    while (out.size() < max) {
      // ask for as many candidates as are still missing: most are real matches, key collisions are rare
      List<LogIndex.Located> candidates = index.identityCandidates(keys, cursor, max - out.size());
      if (candidates.isEmpty()) {
        break;
      }
      for (LogIndex.Located c : candidates) {
        StoredEvent e = read(c);
        if (e != null && matches.test(e)) {
          out.add(e);
        }
      }
      cursor = candidates.get(candidates.size() - 1).seq();
    }
    return out;
  }

  /** The event at a located record, null when it is an erased event's. */
  StoredEvent read(LogIndex.Located at) {
    ByteBuffer frame = read(at.segment(), at.start(), at.end());
    return decode(at.segment(), frame, 0, at.start(), at.end() - at.start(), at.seq(), new CRC32C());
  }

  private static ByteBuffer read(Segment segment, long start, long end) {
    ByteBuffer buf = ByteBuffer.allocate((int) (end - start));
    try {
      segment.readFully(buf, start);
    } catch (ClosedChannelException e) {
      if (segment.retired()) {
        throw new SegmentRetired();
      }
      throw new IllegalStateException("the event log is closed", e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + segment.file + " at byte " + start, e);
    }
    return buf;
  }

  private static StoredEvent decode(Segment segment, ByteBuffer buf, int at, long filePosition, long frameBytes,
      long seq, CRC32C crc) {
    int length = buf.getInt(at);
    if (length != frameBytes - RecordCodec.FRAME_HEADER_BYTES) {
      throw new SegmentCorruptedException(segment.file, filePosition, "record length " + length + " where "
          + (frameBytes - RecordCodec.FRAME_HEADER_BYTES) + " was indexed");
    }
    if (RecordCodec.crc(buf, at, length, crc) != buf.getInt(at + 4)) {
      throw new SegmentCorruptedException(segment.file, filePosition, "CRC mismatch");
    }
    if (RecordCodec.isTombstone(buf, at)) {
      if (buf.getLong(at + RecordCodec.FRAME_HEADER_BYTES) != seq) {
        throw new SegmentCorruptedException(segment.file, filePosition, "sequence number mismatch of an erased event");
      }
      return null;
    }
    try {
      StoredEvent e = RecordCodec.decode(buf, at);
      if (e.seq() != seq) {
        throw new SegmentCorruptedException(segment.file, filePosition, "sequence number " + e.seq() + " where " + seq
            + " was indexed");
      }
      return e;
    } catch (IllegalArgumentException e) {
      throw new SegmentCorruptedException(segment.file, filePosition, "undecodable record: " + e.getMessage());
    }
  }
}
