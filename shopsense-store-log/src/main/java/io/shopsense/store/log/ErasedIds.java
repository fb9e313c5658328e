package io.shopsense.store.log;

import io.shopsense.api.collect.ErasedMessageIds;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;

/**
 * The message ids of erased events, as {@link ErasedMessageIds} digests with the sequence number they had: what lets
 * the log answer a retried copy of an erased event with {@code DUPLICATE} instead of storing it again, without keeping
 * the id.
 *
 * <p>Not thread-safe: the log mutates it under its write lock; the writer thread, its only mutator, reads it without.
 */
final class ErasedIds {

  private final Map<ByteBuffer, Long> seqByDigest = new HashMap<>();
  /** Set once the first erased event is known; read by appending threads without the lock. */
  private volatile boolean any;

  static byte[] digest(String messageId) {
    return ErasedMessageIds.digest(messageId);
  }

  boolean isEmpty() {
    return seqByDigest.isEmpty();
  }

  void add(byte[] digest, long seq) {
    seqByDigest.put(ByteBuffer.wrap(digest), seq);
    any = true;
  }

  /** True once the log has held an erased event: appends then bring their id's digest along. */
  boolean any() {
    return any;
  }

  void remove(byte[] digest) {
    seqByDigest.remove(ByteBuffer.wrap(digest));
  }

  /** The sequence number the erased event of this record's id had, 0 if none was erased. */
  long find(PreparedRecord r) {
    if (seqByDigest.isEmpty()) {
      return 0;
    }
    // an erasure may have come between the appending thread's look and now: hash here then
    Long seq = seqByDigest.get(ByteBuffer.wrap(r.idDigest() != null ? r.idDigest() : digest(r.messageId())));
    return seq == null ? 0 : seq;
  }

  int size() {
    return seqByDigest.size();
  }
}
