package io.shopsense.api.collect;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Keeps every rejected record whole, with its reason, until a person fixes and replays it or discards it.
 *
 * <p>Called by the ingest path (add) and by the quarantine API and CLI. Thread-safe.
 */
public interface Quarantine {

  /** Stores the entries and returns their ids, in order. Durable when it returns. */
  List<Long> add(List<NewQuarantineEntry> entries);

  Optional<QuarantineEntry> find(long id);

  /** Entries matching the query, ascending by id; the slice's cursor is the last id. */
  io.shopsense.api.Slice<QuarantineEntry> list(QuarantineQuery query);

  /** Replaces the record's content with a person's fix; the reason stays until a replay succeeds or fails. */
  void revise(long id, String raw, Instant at);

  /** Marks the entry replayed, with the sequence number of the event in the log. */
  void markReplayed(long id, long seq, Instant at);

  /** Records a failed replay: the new reason and detail, one more attempt. The entry stays pending. */
  void markFailed(long id, String reason, String detail, Instant at);

  /** Marks the entry discarded, with a person's note why. */
  void discard(long id, String note, Instant at);

  /** Rejections per day, source and reason, for days in {@code [from, to]} (by time received, UTC). */
  List<RejectedCount> countRejected(LocalDate from, LocalDate to);

  /** The number of entries per status. */
  java.util.Map<QuarantineStatus, Long> countByStatus();

  /**
   * Deletes every entry whose record, origin or detail contains one of {@code values} as a substring (a data-subject
   * erasure: the person's identifiers and personal values), whatever its status; returns the ids deleted. Blank values
   * are ignored. Matching ignores case (a raw record may spell an id in another case than it is stored).
   */
  List<Long> eraseContaining(java.util.Collection<String> values);
}
