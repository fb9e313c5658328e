package io.shopsense.api.campaign;

import io.shopsense.api.id.PersonId;
import java.time.Instant;
import java.util.Optional;

/**
 * One message sent to a person, as the contact log keeps it: what caps, priority and fatigue count.
 *
 * @param messageKey the message's idempotency key (e.g. {@code campaign:spring-sale:p1} or
 *                   {@code journey:welcome:step-2:p1}); one contact per key
 * @param topic      the message's topic (free text, e.g. {@code new-arrivals}); empty string when it has none
 * @param priority   the message's priority, higher wins
 * @param openedAt   when the person first opened (or clicked) it; empty while unopened
 */
public record Contact(PersonId person, String messageKey, Channel channel, ContentCategory category, String topic,
    int priority, Instant sentAt, Optional<Instant> openedAt) {

  public Contact {
    if (person == null || channel == null || category == null || sentAt == null || openedAt == null) {
      throw new IllegalArgumentException("a contact needs a person, a channel, a category and when it was sent");
    }
    if (messageKey == null || messageKey.isBlank() || messageKey.length() > 400) {
      throw new IllegalArgumentException("a contact needs a message key of 1 to 400 characters, got " + messageKey);
    }
    topic = topic == null ? "" : topic;
    if (topic.length() > 200) {
      throw new IllegalArgumentException("a topic has at most 200 characters");
    }
  }

  /** A contact not opened (yet). */
  public static Contact sent(PersonId person, String messageKey, Channel channel, ContentCategory category,
      String topic, int priority, Instant sentAt) {
    return new Contact(person, messageKey, channel, category, topic, priority, sentAt, Optional.empty());
  }

  public boolean opened() {
    return openedAt.isPresent();
  }
}
