package io.shopsense.core.privacy;

import io.shopsense.api.id.AnonymousId;
import io.shopsense.api.id.UserId;
import java.util.List;
import java.util.Set;

/**
 * Erases a person's events from the event log and the lake (the platform's {@code eraseEvents}): every event under
 * one of the anonymous or user ids. Idempotent. The erasure's {@code events} step calls it and reports one line per
 * part.
 */
@FunctionalInterface
public interface EventEraser {

  /**
   * What the erasure did in one place (the event log, the lake): how many events (rows), how many bytes of files it
   * rewrote, and in how many files. No identifiers.
   */
  record Part(String where, long events, long bytesRewritten, int files) {}

  List<Part> erase(Set<AnonymousId> anonymousIds, Set<UserId> userIds);
}
