package io.shopsense.api.delivery;

import io.shopsense.api.id.PersonId;
import java.time.Instant;

/**
 * A message in a person's in-app inbox. {@code key} is the delivery key's value (one message per key), {@code readAt}
 * null while unread; {@code html} and {@code link} are empty when there is none.
 */
public record InboxMessage(long id, PersonId person, String key, String subject, String text, String html,
    String link, Instant postedAt, Instant readAt) {

  public boolean read() {
    return readAt != null;
  }
}
