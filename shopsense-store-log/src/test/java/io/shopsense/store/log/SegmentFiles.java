package io.shopsense.store.log;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Test access to the bytes of segment files, to damage them the way crashes and bit rot do. */
final class SegmentFiles {

  private SegmentFiles() {}

  /** The segment files of a log directory, in sequence order. */
  static List<Path> segments(Path dir) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> Segment.firstSeqOf(p) > 0).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The byte offset of each record frame in a segment, found by walking the length fields. */
  static List<Long> frameOffsets(Path segment) throws IOException {
    List<Long> offsets = new ArrayList<>();
    try (FileChannel ch = FileChannel.open(segment, StandardOpenOption.READ)) {
      long pos = Segment.HEADER_BYTES;
      ByteBuffer len = ByteBuffer.allocate(4);
      while (pos < ch.size()) {
        offsets.add(pos);
        len.clear();
        ch.read(len, pos);
        pos += RecordCodec.FRAME_HEADER_BYTES + len.getInt(0);
      }
    }
    return offsets;
  }

  static void flipByte(Path file, long offset) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      ByteBuffer b = ByteBuffer.allocate(1);
      ch.read(b, offset);
      b.put(0, (byte) (b.get(0) ^ 0x5A)).rewind();
      ch.write(b, offset);
    }
  }

  static void writeInt(Path file, long offset, int value) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
      ch.write(ByteBuffer.allocate(4).putInt(0, value), offset);
    }
  }

  static void truncate(Path file, long size) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
      ch.truncate(size);
    }
  }

  static void appendBytes(Path file, byte[] bytes) throws IOException {
    Files.write(file, bytes, StandardOpenOption.APPEND);
  }
}
