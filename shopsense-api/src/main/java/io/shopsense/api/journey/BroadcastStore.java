package io.shopsense.api.journey;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The one-off campaigns (broadcasts). The scheduler asks for those due to run; a run records its progress with
 * {@link #update}, guarded by the status it read, so that two nodes never both start one run.
 *
 * <p>Contract: thread-safe; every call durable when it returns.
 */
public interface BroadcastStore {
  /** Saves a new broadcast; false (and nothing changed) when its id exists. */
  boolean create(StoredBroadcast broadcast);

  Optional<StoredBroadcast> find(String id);

  /** Newest first (by creation time, then id), at most {@code limit}. */
  List<StoredBroadcast> list(int limit);

  /** Scheduled broadcasts whose run time is at or before {@code now}, earliest first. */
  List<StoredBroadcast> due(Instant now, int limit);

  /**
   * Replaces the stored broadcast of the same id if its status is still {@code expected}; false otherwise (another
   * node moved it on, or it is gone).
   */
  boolean update(StoredBroadcast broadcast, StoredBroadcast.Status expected);
}
