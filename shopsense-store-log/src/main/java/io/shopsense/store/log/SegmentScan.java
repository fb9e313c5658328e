package io.shopsense.store.log;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * Reads the committed frames of one indexed segment in file order, in chunks of about a megabyte, checking each
 * frame's length, CRC and sequence number against the index, for the maintenance work that reads a whole segment
 * (erasure rewrites, retention). Not thread-safe.
 */
final class SegmentScan {

  private static final int CHUNK_BYTES = 1 << 20;

  /** Receives each frame: {@code buf} holds it at {@code at}; it must not keep the buffer. */
  @FunctionalInterface
  interface Visitor {
    void frame(long seq, ByteBuffer buf, int at, int frameBytes) throws IOException;
  }

  private SegmentScan() {}

  static void scan(Segment s, Visitor visitor) throws IOException {
    CRC32C crc = new CRC32C();
    int count = s.count();
    int i = 0;
    while (i < count) {
      long start = s.frameStart(i);
      int j = i + 1;
      while (j < count && s.frameEnd(j) - start <= CHUNK_BYTES) {
        j++;
      }
      ByteBuffer chunk = ByteBuffer.allocate((int) (s.frameEnd(j - 1) - start));
      s.readFully(chunk, start);
      for (int k = i; k < j; k++) {
        int at = (int) (s.frameStart(k) - start);
        int frameBytes = (int) (s.frameEnd(k) - s.frameStart(k));
        long seq = s.firstSeq + k;
        int length = chunk.getInt(at);
        if (length != frameBytes - RecordCodec.FRAME_HEADER_BYTES
            || RecordCodec.crc(chunk, at, length, crc) != chunk.getInt(at + 4)
            || chunk.getLong(at + RecordCodec.FRAME_HEADER_BYTES) != seq) {
          throw new SegmentCorruptedException(s.file, s.frameStart(k), "damaged record found while rewriting");
        }
        visitor.frame(seq, chunk, at, frameBytes);
      }
      i = j;
    }
  }
}
