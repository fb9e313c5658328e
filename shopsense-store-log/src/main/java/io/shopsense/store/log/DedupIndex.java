package io.shopsense.store.log;

import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import it.unimi.dsi.fastutil.objects.Object2LongOpenHashMap;
import java.util.function.LongFunction;
import java.util.function.Supplier;

/**
 * Message id to sequence number, keyed on the 64-bit {@link IdHash} of the id.
 *
 * <p>The first id seen with a hash owns the hash's slot (12 bytes: the hash and the sequence number as an unsigned
 * {@code int}); a later, different id with the same hash goes to a small exact map of colliding ids. A hit in the
 * slot is therefore only a candidate: callers verify it against the stored record's id.
 *
 * <p>Not thread-safe: the log mutates the shared instance under its write lock; the writer thread keeps one more
 * instance per group commit for the ids it has not yet committed.
 */
final class DedupIndex {

  /** Sequence numbers are stored as unsigned ints; the heap runs out far earlier than this. */
  static final long MAX_SEQ = 0xFFFF_FFFFL;

  private final Long2IntOpenHashMap byHash;
  private final Object2LongOpenHashMap<String> collided = new Object2LongOpenHashMap<>();

  DedupIndex(int expected) {
    byHash = new Long2IntOpenHashMap(expected);
  }

  /** The slot's sequence number for this hash, 0 if none. */
  long candidate(long hash) {
    return Integer.toUnsignedLong(byHash.get(hash));
  }

  /** The sequence number of an id whose hash is owned by another id, 0 if none. */
  long collided(String messageId) {
    return collided.isEmpty() ? 0 : collided.getLong(messageId);
  }

  /**
   * The sequence number of the stored copy of this id, 0 if none; {@code idAt} gives the id stored at a sequence
   * number (a hash hit is verified with it).
   */
  long find(long hash, String messageId, LongFunction<String> idAt) {
    long seq = candidate(hash);
    if (seq != 0 && messageId.equals(idAt.apply(seq))) {
      return seq;
    }
    return collided(messageId);
  }

  boolean containsHash(long hash) {
    return byHash.containsKey(hash);
  }

  /** Records a new id; {@code hashTaken} says whether another id already owns the hash (here or in the shared index). */
  void add(long hash, String messageId, long seq, boolean hashTaken) {
    if (seq <= 0 || seq > MAX_SEQ) {
      throw new IllegalStateException("the event log is full: sequence number " + seq + " exceeds " + MAX_SEQ);
    }
    if (hashTaken || byHash.containsKey(hash)) {
      collided.put(messageId, seq);
    } else {
      byHash.put(hash, (int) seq);
    }
  }

  /** Used while rebuilding from the log, where ids are not decoded unless their hash is already owned. */
  void addRecovered(long hash, long seq, Supplier<String> messageId) {
    if (byHash.putIfAbsent(hash, (int) seq) != 0) { // one probe: 0 is the map's "absent", never a sequence number
      collided.put(messageId.get(), seq);
    }
  }

  /** Forgets the id stored at {@code seq} (erased or deleted by retention); nothing if it is not indexed there. */
  void remove(long hash, String messageId, long seq) {
    if (Integer.toUnsignedLong(byHash.get(hash)) == seq) {
      byHash.remove(hash);
    } else if (!collided.isEmpty() && collided.getLong(messageId) == seq) {
      collided.removeLong(messageId);
    }
  }

  void addAll(DedupIndex group) {
    group.byHash.long2IntEntrySet().fastForEach(e -> byHash.put(e.getLongKey(), e.getIntValue()));
    collided.putAll(group.collided);
  }

  int size() {
    return byHash.size() + collided.size();
  }
}
