package io.shopsense.store.log;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The 64-bit hash of an id's UTF-8 bytes that the in-memory indexes key on. Every hit is verified against the stored
 * record, so a collision costs a read, never a wrong answer. Package-private and injectable so that tests can force
 * collisions; the hashes are never written to disk, so changing the function needs no migration.
 */
@FunctionalInterface
interface IdHash {

  long hash(byte[] bytes, int offset, int length);

  /** MurmurHash3-style mixing, eight bytes at a time. */
  IdHash DEFAULT = IdHash::murmur;

  /** Tags keep an anonymous id and an equal user id apart in the identity index. */
  byte ANONYMOUS = 'A';
  byte USER = 'U';

  /** The 32-bit identity-index key of an id in one of the two namespaces. */
  default int identityKey(byte namespace, byte[] bytes, int offset, int length) {
    long h = fmix(hash(bytes, offset, length) ^ (namespace * 0x9E3779B97F4A7C15L));
    return (int) (h ^ (h >>> 32));
  }

  private static long murmur(byte[] bytes, int offset, int length) {
    final long c1 = 0x87c37b91114253d5L;
    final long c2 = 0x4cf5ad432745937fL;
    long h = 0x5bd1e9955bd1e995L ^ length;
    int i = offset;
    int end = offset + length;
    for (; i + 8 <= end; i += 8) {
      long k = (long) LongReader.LE.get(bytes, i);
      k *= c1;
      k = Long.rotateLeft(k, 31);
      k *= c2;
      h ^= k;
      h = Long.rotateLeft(h, 27) * 5 + 0x52dce729;
    }
    long k = 0;
    for (int shift = 0; i < end; i++, shift += 8) {
      k |= (bytes[i] & 0xffL) << shift;
    }
    k *= c2;
    k = Long.rotateLeft(k, 33);
    k *= c1;
    h ^= k;
    return fmix(h ^ length);
  }

  private static long fmix(long h) {
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return h;
  }

  /** Holds the VarHandle: interfaces cannot have private static fields. */
  final class LongReader {
    static final VarHandle LE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private LongReader() {}
  }
}
