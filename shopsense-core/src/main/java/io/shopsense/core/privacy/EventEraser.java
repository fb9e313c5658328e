package io.shopsense.core.privacy;

import io.shopsense.api.id.AnonymousId;
import io.shopsense.api.id.UserId;
import java.util.List;
import java.util.Set;

/**
 * Erases a person's events from the event log and the lake (the platform's {@code eraseEvents}): every event under
 * one of the anonymous or user ids. Idempotent. The erasure's {@code events} step calls it.
 */
@FunctionalInterface
public interface EventEraser {

  /** What an erasure of events did: how many events, how many bytes of files it rewrote, and which files. */
  record Erased(long events, long bytesRewritten, List<String> files) {
    public Erased {
      files = List.copyOf(files);
    }
  }

  Erased erase(Set<AnonymousId> anonymousIds, Set<UserId> userIds);
}
