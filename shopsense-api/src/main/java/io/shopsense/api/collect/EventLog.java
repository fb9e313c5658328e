package io.shopsense.api.collect;

import io.shopsense.api.id.AnonymousId;
import io.shopsense.api.id.MessageId;
import io.shopsense.api.id.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The event log: the durable, append-only, idempotent source of truth for everything ShopSense derives.
 *
 * <p>Called by the ingest path (append) and by the log's consumers (read). Implementations are thread-safe;
 * concurrent appends may be committed together (group commit), and their sequence numbers follow commit order, so a
 * consumer that reads {@code readAfter(cursor)} never misses an event that commits later with a smaller number.
 */
public interface EventLog extends AutoCloseable {

  /**
   * Appends the envelopes in order and returns one result per envelope, in the same order. Returns only once the
   * stored events are durable: they survive a crash of the process the instant after this returns. An envelope whose
   * message id is already in the log, or earlier in the same list, is not stored again ({@code DUPLICATE}).
   */
  List<AppendResult> append(List<EventEnvelope> envelopes);

  /** The stored event with this message id, if any. */
  Optional<StoredEvent> find(MessageId messageId);

  /** Up to {@code max} events with {@code seq > afterSeq}, in ascending order. */
  List<StoredEvent> readAfter(long afterSeq, int max);

  /**
   * The events whose anonymous id is one of {@code anonymousIds} or whose user id is one of {@code userIds} (an
   * alias's previous id counts as both), with {@code seq > afterSeq}, ascending, at most {@code max}.
   */
  List<StoredEvent> readByIdentity(Collection<AnonymousId> anonymousIds, Collection<UserId> userIds, long afterSeq,
      int max);

  /** The sequence number of the last stored event, 0 when empty. */
  long lastSeq();

  /** The number of stored events. */
  long count();

  /**
   * Waits until an event with {@code seq > afterSeq} is stored or the timeout passes; true when there is one. For
   * consumers that follow the log.
   */
  boolean awaitAfter(long afterSeq, Duration timeout) throws InterruptedException;

  /**
   * Removes every stored event whose anonymous id is one of {@code anonymousIds} or whose user id is one of
   * {@code userIds} (an alias's previous id counts as both), so that no copy of them is left in the log's storage.
   * Called by the erasure of a data subject. The other events keep their sequence numbers, and consumers that follow
   * the log go on reading after their position without seeing the removed ones. Idempotent: erasing again removes
   * nothing more. A later append of an erased event's message id (a client's retry) is still recognised as a
   * {@code DUPLICATE} of the erased sequence number, from a one-way digest of the id; the event itself is gone.
   * Either collection may be empty, not null. Returns once the removal is durable.
   */
  ErasedEvents erase(Collection<AnonymousId> anonymousIds, Collection<UserId> userIds);

  /**
   * Retention: removes stored events whose timestamp is before {@code cutoff}. A backend may keep some older events
   * for a while when they share a storage unit with newer ones (the segment log deletes whole segments only), never
   * the other way round. Sequence numbers of the remaining events do not change. Returns what was removed.
   */
  ErasedEvents deleteBefore(Instant cutoff);

  @Override
  void close();
}
