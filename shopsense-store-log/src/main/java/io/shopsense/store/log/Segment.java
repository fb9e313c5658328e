package io.shopsense.store.log;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32C;

/**
 * One segment file, {@code segment-<firstSeq, 20 digits>.log}: a 20-byte header (int magic {@code "SSLG"}, int format
 * version, long first sequence number, int CRC32C of the previous 16 bytes) followed by frames (see
 * {@link RecordCodec}) with contiguous sequence numbers from the first.
 *
 * <p>A new segment is written under a temporary name, forced and renamed, so a segment file always has a whole
 * header. Reads use positional reads on their own channel, which is reopened if a reading thread's interrupt closes it
 * (a {@code FileChannel} closes itself for everyone when a thread is interrupted during I/O).
 *
 * <p>Thread-safety: file writes come from the writer thread only; reads from any thread; the index fields
 * ({@code offsets}, {@code postings}, {@code committedEnd}) are guarded by the log's read-write lock.
 */
final class Segment {

  static final int HEADER_BYTES = 20;
  private static final int MAGIC = 0x53534C47;
  private static final int VERSION = 1;
  private static final Pattern NAME = Pattern.compile("segment-(\\d{20})\\.log");
  static final String TEMP_SUFFIX = ".tmp";

  final Path file;
  final long firstSeq;
  private volatile FileChannel reader;
  private volatile boolean closed;
  /** Set when an erasure or retention replaced or dropped this segment: readers start over from the index. */
  private volatile boolean retired;
  private FileChannel writer;
  /** Bytes in the file, written by the writer thread (committed or not). Writer thread only. */
  long written;

  /** Byte offset of each committed record's frame, by index in the segment. */
  final IntArrayList offsets = new IntArrayList();
  IdentityPostings postings;
  /** End of the last committed frame. */
  long committedEnd = HEADER_BYTES;
  /** Records that are erased events (their sequence numbers stay, nothing else of them). */
  int tombstones;

  private Segment(Path file, long firstSeq, FileChannel reader, FileChannel writer, long written) {
    this.file = file;
    this.firstSeq = firstSeq;
    this.reader = reader;
    this.writer = writer;
    this.written = written;
  }

  static Path fileFor(Path dir, long firstSeq) {
    return dir.resolve(String.format("segment-%020d.log", firstSeq));
  }

  /** The first sequence number in a segment file's name, -1 if the name is not a segment's. */
  static long firstSeqOf(Path file) {
    Matcher m = NAME.matcher(file.getFileName().toString());
    return m.matches() ? Long.parseLong(m.group(1)) : -1;
  }

  /** Creates an empty, writable segment durably: header forced, file renamed into place, directory forced. */
  static Segment create(Path dir, long firstSeq) throws IOException {
    Path file = fileFor(dir, firstSeq);
    Path temp = tempFor(file);
    try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
        StandardOpenOption.WRITE)) {
      ByteBuffer header = header(firstSeq);
      while (header.hasRemaining()) {
        ch.write(header);
      }
      ch.force(true);
    }
    Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
    forceDirectory(dir);
    return open(file, firstSeq, true);
  }

  /** The header of a segment that starts at {@code firstSeq}, ready to write. */
  static ByteBuffer header(long firstSeq) {
    ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES);
    header.putInt(MAGIC).putInt(VERSION).putLong(firstSeq);
    header.putInt(headerCrc(header));
    return header.flip();
  }

  /** The temporary name a new or rewritten segment file is written under; recovery deletes such files. */
  static Path tempFor(Path file) {
    return file.resolveSibling(file.getFileName() + TEMP_SUFFIX);
  }

  /** Opens an existing segment and checks its header; {@code writable} for the last segment. */
  static Segment open(Path file, long firstSeq, boolean writable) throws IOException {
    FileChannel reader = FileChannel.open(file, StandardOpenOption.READ);
    FileChannel writer = null;
    try {
      long size = reader.size();
      ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES);
      if (size < HEADER_BYTES) {
        throw new SegmentCorruptedException(file, 0, "the file has " + size + " bytes, less than a segment header");
      }
      readFully(reader, header, 0, file);
      if (header.getInt(0) != MAGIC) {
        throw new SegmentCorruptedException(file, 0, "not an event log segment (bad magic number)");
      }
      if (header.getInt(4) != VERSION) {
        throw new SegmentCorruptedException(file, 4, "unsupported segment format version " + header.getInt(4));
      }
      if (header.getInt(16) != headerCrc(header)) {
        throw new SegmentCorruptedException(file, 0, "segment header CRC mismatch");
      }
      if (header.getLong(8) != firstSeq) {
        throw new SegmentCorruptedException(file, 8, "header says the first sequence number is " + header.getLong(8)
            + ", the file name says " + firstSeq);
      }
      if (writable) {
        writer = FileChannel.open(file, StandardOpenOption.WRITE);
      }
      return new Segment(file, firstSeq, reader, writer, size);
    } catch (IOException | RuntimeException e) {
      reader.close();
      if (writer != null) {
        writer.close();
      }
      throw e;
    }
  }

  static void forceDirectory(Path dir) throws IOException {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException e) {
      // Some platforms (Windows) cannot open a directory; there the rename itself is what the OS offers.
      if (!System.getProperty("os.name", "").startsWith("Windows")) {
        throw e;
      }
    }
  }

  int count() {
    return offsets.size();
  }

  long lastSeq() {
    return firstSeq + offsets.size() - 1;
  }

  /** Start of the frame of the committed record at this index. */
  long frameStart(int index) {
    return offsets.getInt(index);
  }

  /** End of the frame of the committed record at this index. */
  long frameEnd(int index) {
    return index + 1 < offsets.size() ? offsets.getInt(index + 1) : committedEnd;
  }

  /** Reads {@code dst.remaining()} bytes at {@code position}, from any thread; an interrupt does not break the log. */
  void readFully(ByteBuffer dst, long position) throws IOException {
    boolean interrupted = Thread.interrupted();
    int origin = dst.position();
    try {
      while (true) {
        FileChannel ch = reader;
        try {
          readFully(ch, dst, position + (dst.position() - origin), file);
          return;
        } catch (ClosedChannelException e) {
          if (closed) {
            throw e;
          }
          // closed by an interrupt of this or another reading thread: finish the read, keep the interrupt status
          interrupted |= Thread.interrupted();
          reopenReader(ch);
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static void readFully(FileChannel ch, ByteBuffer dst, long position, Path file) throws IOException {
    long at = position;
    while (dst.hasRemaining()) {
      int n = ch.read(dst, at);
      if (n < 0) {
        throw new EOFException(file + " ends before byte " + (at + dst.remaining()));
      }
      at += n;
    }
  }

  private synchronized void reopenReader(FileChannel broken) throws IOException {
    if (reader == broken && !closed) {
      reader = FileChannel.open(file, StandardOpenOption.READ);
    }
  }

  /** Writes all of {@code src} at the end of the file. Writer thread only. */
  void write(ByteBuffer src) throws IOException {
    while (src.hasRemaining()) {
      written += writer.write(src, written);
    }
  }

  /** Forces written bytes to the device. Writer thread only. */
  void force() throws IOException {
    writer.force(false);
  }

  /** Cuts a torn tail away, durably. Only while opening. */
  void truncate(long size) throws IOException {
    writer.truncate(size);
    writer.force(true);
    written = size;
  }

  /**
   * Installs the sorted identity postings (see {@link IdentityPostings#sortedPostings()}) and compacts the offsets once
   * no record will be added; closes the write channel. Caller holds the write lock.
   */
  void seal(long[] sortedPostings) throws IOException {
    offsets.trim();
    postings.install(sortedPostings);
    if (writer != null) {
      writer.close();
      writer = null;
    }
  }

  /** Closes a segment the index no longer lists; a reader still on it gets {@link #retired()} and starts over. */
  void retire() throws IOException {
    retired = true;
    close();
  }

  boolean retired() {
    return retired;
  }

  void close() throws IOException {
    closed = true;
    try {
      reader.close();
    } finally {
      if (writer != null) {
        writer.close();
      }
    }
  }

  private static int headerCrc(ByteBuffer header) {
    CRC32C crc = new CRC32C();
    crc.update(header.array(), 0, 16);
    return (int) crc.getValue();
  }
}
