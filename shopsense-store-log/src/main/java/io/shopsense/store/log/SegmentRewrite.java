package io.shopsense.store.log;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.longs.LongArrayList;
import it.unimi.dsi.fastutil.longs.LongSet;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * Writes a segment again with some of its events replaced by erased-event frames ({@link RecordCodec#tombstone}),
 * every other frame copied byte for byte, so that sequence numbers stay contiguous and the other events keep theirs.
 *
 * <p><b>Crash safety.</b> The new file is written under the segment's temporary name, forced, and renamed over the
 * old one atomically, then the folder is forced: a crash leaves the old file (and a temporary one, which recovery
 * deletes) or the new one, never a mix. On Linux a reader that still has the old file open keeps reading the old
 * content until it is closed; the log closes it ({@link Segment#retire}) as soon as the new one is in the index.
 *
 * <p>Runs on the log's writer thread, so the active segment does not grow meanwhile.
 */
final class SegmentRewrite {

  /** An event that became a tombstone: what the in-memory indexes must forget (and the digest they keep). */
  record Erased(long seq, long idHash, String messageId, byte[] digest) {}

  /** The rewritten segment, opened and indexed, and what was erased from it. */
  record Result(Segment segment, long bytesWritten, List<Erased> erased) {}

  /** A new file written and forced under the temporary name, with its index, not yet in place. */
  record Prepared(Segment old, Path temp, long size, IntArrayList offsets, LongArrayList postings,
      long[] sortedPostings, int tombstones, List<Erased> erased) {}

  private static final int BUFFER_BYTES = 1 << 20;
  private static final long FORCE_EVERY_BYTES = 16L << 20;

  private SegmentRewrite() {}

  /** Writes and installs the new file: for the writer thread's active segment. */
  static Result rewrite(Segment old, LongSet erase, boolean active, IdHash hash) throws IOException {
    return install(prepare(old, erase, hash), active);
  }

  /**
   * Writes the new file under the temporary name and forces it, leaving the old one in place. A sealed segment never
   * changes, so this may run beside appends, on any thread; {@link #install} then takes a moment on the writer thread.
   */
  static Prepared prepare(Segment old, LongSet erase, IdHash hash) throws IOException {
    Path temp = Segment.tempFor(old.file);
    List<Erased> erased = new ArrayList<>();
    long size;
    // the index of the new file is built while writing it: offsets, identity postings, tombstone count
    LongArrayList postings = new LongArrayList();
    IntArrayList offsets = new IntArrayList(old.count());
    int[] tombstones = {0};
    try (FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
        StandardOpenOption.WRITE)) {
      ByteBuffer buffer = ByteBuffer.allocate(BUFFER_BYTES);
      buffer.put(Segment.header(old.firstSeq));
      long[] position = {Segment.HEADER_BYTES};
      long[] forced = {0};
      CRC32C crc = new CRC32C();
      RecordCodec.Keys keys = new RecordCodec.Keys();
      SegmentScan.scan(old, (seq, buf, at, frameBytes) -> {
        int recordIndex = offsets.size();
        offsets.add((int) position[0]);
        ByteBuffer frame;
        if (RecordCodec.isTombstone(buf, at)) {
          tombstones[0]++;
          frame = buf.duplicate().limit(at + frameBytes).position(at);
        } else {
          RecordCodec.readKeys(buf, at, hash, keys);
          if (erase.contains(seq)) {
            String id = new String(buf.array(), keys.idOffset, keys.idLength, StandardCharsets.UTF_8);
            byte[] digest = ErasedIds.digest(id);
            erased.add(new Erased(seq, keys.idHash, id, digest));
            byte[] body = RecordCodec.tombstone(digest);
            frame = ByteBuffer.allocate(RecordCodec.FRAME_HEADER_BYTES + RecordCodec.SEQ_BYTES + body.length);
            RecordCodec.writeFrame(frame, seq, body, crc);
            frame.flip();
            tombstones[0]++;
          } else {
            for (int k = 0; k < keys.identityCount; k++) {
              postings.add(((long) keys.identities[k] << 32) | recordIndex);
            }
            frame = buf.duplicate().limit(at + frameBytes).position(at);
          }
        }
        position[0] += frame.remaining();
        if (buffer.remaining() < frame.remaining()) {
          drain(out, buffer);
          if (position[0] - forced[0] >= FORCE_EVERY_BYTES) {
            // write back as we go: a single force of a whole segment at the end would queue the appends' own forces
            // behind hundreds of megabytes of dirty pages
            out.force(false);
            forced[0] = position[0];
          }
        }
        if (frame.remaining() > buffer.capacity()) {
          while (frame.hasRemaining()) {
            out.write(frame);
          }
        } else {
          buffer.put(frame);
        }
      });
      drain(out, buffer);
      out.force(true);
      size = position[0];
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(temp);
      throw e;
    }
    // the sorted form a sealed segment searches, sorted here rather than on the writer thread
    IdentityPostings sealing = IdentityPostings.forSealing();
    for (int k = 0; k < postings.size(); k++) {
      long posting = postings.getLong(k);
      sealing.add((int) (posting >> 32), (int) posting);
    }
    return new Prepared(old, temp, size, offsets, postings, sealing.sortedPostings(), tombstones[0], erased);
  }

  /** Renames the prepared file over the old one, durably, and opens it with its index. */
  static Result install(Prepared p, boolean active) throws IOException {
    moveIntoPlace(p);
    Segment.forceDirectory(p.old().file.getParent());
    return open(p, active);
  }

  /** Renames the prepared file over the old one; the caller forces the folder before anyone relies on it. */
  static void moveIntoPlace(Prepared p) throws IOException {
    Files.move(p.temp(), p.old().file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  /** Opens a file put in place by {@link #moveIntoPlace}, with the index built while writing it. */
  static Result open(Prepared p, boolean active) throws IOException {
    Segment old = p.old();
    Segment fresh = Segment.open(old.file, old.firstSeq, active);
    fresh.offsets.addAll(p.offsets());
    fresh.committedEnd = p.size();
    fresh.tombstones = p.tombstones();
    if (active) {
      fresh.postings = IdentityPostings.active();
      LongArrayList postings = p.postings();
      for (int k = 0; k < postings.size(); k++) {
        long posting = postings.getLong(k);
        fresh.postings.add((int) (posting >> 32), (int) posting);
      }
    } else {
      fresh.postings = IdentityPostings.forSealing();
      fresh.seal(p.sortedPostings());
    }
    return new Result(fresh, p.size(), p.erased());
  }

  /** Deletes a prepared file that will not be installed. */
  static void discard(Prepared p) {
    try {
      Files.deleteIfExists(p.temp());
    } catch (IOException e) {
      // recovery deletes temporary files on the next open
    }
  }

  private static void drain(FileChannel out, ByteBuffer buffer) throws IOException {
    buffer.flip();
    while (buffer.hasRemaining()) {
      out.write(buffer);
    }
    buffer.clear();
  }
}
