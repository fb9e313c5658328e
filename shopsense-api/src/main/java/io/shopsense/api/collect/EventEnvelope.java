package io.shopsense.api.collect;

import io.shopsense.api.event.EventType;
import io.shopsense.api.id.AnonymousId;
import io.shopsense.api.id.MessageId;
import io.shopsense.api.id.SourceId;
import io.shopsense.api.id.UserId;
import java.time.Instant;

/**
 * A validated, normalised event as the event log stores it: the keys the log indexes, plus the event's canonical
 * JSON ({@code json}, UTF-8), which core decodes into the typed {@link io.shopsense.api.event.Event}.
 *
 * @param previousId the alias call's previous id, else null
 * @param json       the canonical JSON; the array is owned by the envelope and must not be changed
 */
public record EventEnvelope(
    MessageId messageId,
    EventType type,
    String name,
    AnonymousId anonymousId,
    UserId userId,
    String previousId,
    Instant timestamp,
    Instant receivedAt,
    SourceId source,
    byte[] json) {

  public EventEnvelope {
    if (messageId == null || type == null || name == null || timestamp == null || receivedAt == null
        || source == null || json == null) {
      throw new IllegalArgumentException("messageId, type, name, timestamp, receivedAt, source and json are required");
    }
    if (anonymousId == null && userId == null) {
      throw new IllegalArgumentException("an event needs an anonymousId or a userId");
    }
  }
}
