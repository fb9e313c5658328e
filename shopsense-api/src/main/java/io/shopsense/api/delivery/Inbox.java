package io.shopsense.api.delivery;

import io.shopsense.api.id.PersonId;
import java.time.Instant;
import java.util.List;

/**
 * The in-app inbox: messages per person, which the storefront lists and the person reads or deletes. The in-app
 * channel posts into it; the customer-facing API reads it. Thread-safe; each call atomic.
 */
public interface Inbox {

  /**
   * Posts the message ({@code id} and {@code readAt} ignored); returns the message stored, or the one already stored
   * under the same key — posting a key twice keeps one message, so the in-app channel is idempotent.
   */
  InboxMessage post(InboxMessage message);

  /** The person's messages, newest first, at most {@code limit} (positive); only unread ones when asked. */
  List<InboxMessage> list(PersonId person, boolean unreadOnly, int limit);

  int unreadCount(PersonId person);

  /** Marks the person's message read (once: a second call keeps the first time); false when it is not theirs. */
  boolean markRead(PersonId person, long id, Instant at);

  /** Deletes the person's message; false when it is not theirs or already gone. */
  boolean delete(PersonId person, long id);

  /** Deletes all of the person's messages (an erasure); returns how many. */
  int erase(PersonId person);
}
