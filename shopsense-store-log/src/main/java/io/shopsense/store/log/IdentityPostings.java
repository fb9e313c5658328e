package io.shopsense.store.log;

import it.unimi.dsi.fastutil.ints.Int2IntOpenHashMap;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.longs.LongArrayList;
import java.util.Arrays;

/**
 * The identity index of one segment: which records (by index within the segment) carry an identity key.
 *
 * <p>A posting is one {@code long}, the key in the high half and the record index in the low half. While the segment
 * is active, postings are kept in arrival order and chained per key (a map from key to its newest posting plus one
 * {@code int} link per posting); when the segment is sealed, they are sorted into one array and binary-searched. So a
 * closed segment costs 8 bytes per posting and no object per identity.
 *
 * <p>Not thread-safe: the log mutates it under its write lock and reads it under its read lock.
 */
final class IdentityPostings {

  private LongArrayList appended = new LongArrayList();
  private IntArrayList previous;
  private Int2IntOpenHashMap newest;
  private long[] sorted;

  private IdentityPostings(boolean chained) {
    if (chained) {
      previous = new IntArrayList();
      newest = new Int2IntOpenHashMap();
      newest.defaultReturnValue(-1);
    }
  }

  /** Postings for the active segment: searchable at once. */
  static IdentityPostings active() {
    return new IdentityPostings(true);
  }

  /** Postings for a closed segment being rebuilt: searchable after {@link #install}. */
  static IdentityPostings forSealing() {
    return new IdentityPostings(false);
  }

  void add(int key, int recordIndex) {
    appended.add(pack(key, recordIndex));
    if (newest != null) {
      previous.add(newest.put(key, appended.size() - 1));
    }
  }

  /**
   * The postings sorted for {@link #install}; only reads this instance, so it may run beside readers. Postings arrive
   * in record order, so a stable sort by key alone (two 16-bit radix passes, linear time, several times faster than a
   * comparison sort on a few hundred thousand postings) leaves each key's records ascending.
   */
  long[] sortedPostings() {
    long[] a = appended.toLongArray();
    long[] b = new long[a.length];
    radixPass(a, b, 32, 0);
    radixPass(b, a, 48, 0x8000); // the top digit carries the sign: flip it so negative keys sort first
    return a;
  }

  private static void radixPass(long[] from, long[] to, int shift, int flip) {
    int[] start = new int[(1 << 16) + 1];
    for (long v : from) {
      start[(((int) (v >>> shift) & 0xFFFF) ^ flip) + 1]++;
    }
    for (int d = 0; d < 1 << 16; d++) {
      start[d + 1] += start[d];
    }
    for (long v : from) {
      to[start[((int) (v >>> shift) & 0xFFFF) ^ flip]++] = v;
    }
  }

  /** Switches to the sorted form; afterwards {@link #add} is not allowed. */
  void install(long[] sortedPostings) {
    sorted = sortedPostings;
    appended = null;
    previous = null;
    newest = null;
  }

  /** Adds to {@code out} the indexes greater than {@code afterIndex} of the records with this key, in any order. */
  void collect(int key, int afterIndex, IntArrayList out) {
    if (sorted != null) {
      int i = Arrays.binarySearch(sorted, pack(key, afterIndex + 1));
      for (i = i < 0 ? -i - 1 : i; i < sorted.length && (int) (sorted[i] >> 32) == key; i++) {
        out.add((int) sorted[i]);
      }
    } else if (newest != null) {
      for (int p = newest.get(key); p >= 0; p = previous.getInt(p)) {
        int index = (int) appended.getLong(p);
        if (index <= afterIndex) {
          break;
        }
        out.add(index);
      }
    } else {
      throw new IllegalStateException("postings being rebuilt are not searchable yet");
    }
  }

  private static long pack(int key, int recordIndex) {
    return ((long) key << 32) | (recordIndex & 0xFFFF_FFFFL);
  }
}
