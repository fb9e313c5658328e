package io.shopsense.store.contract;

import io.shopsense.api.collect.EventEnvelope;
import io.shopsense.api.event.EventType;
import io.shopsense.api.id.AnonymousId;
import io.shopsense.api.id.MessageId;
import io.shopsense.api.id.SourceId;
import io.shopsense.api.id.UserId;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** Builds envelopes for the contract suites: deterministic, with JSON that records its own message id. */
public final class Envelopes {
  public static final Instant T0 = Instant.parse("2026-03-01T10:15:30.123456Z");
  public static final SourceId SOURCE = SourceId.of("test-source");

  private Envelopes() {}

  public static EventEnvelope track(String messageId, String anonymousId, String userId) {
    return track(messageId, anonymousId, userId, T0);
  }

  public static EventEnvelope track(String messageId, String anonymousId, String userId, Instant at) {
    return new EventEnvelope(MessageId.of(messageId), EventType.TRACK, "Product Viewed",
        anonymousId == null ? null : AnonymousId.of(anonymousId), userId == null ? null : UserId.of(userId), null,
        at, at.plusMillis(250), SOURCE, json(messageId, "track", "{\"product_id\":\"p-1\"}"));
  }

  public static EventEnvelope alias(String messageId, String previousId, String userId) {
    return new EventEnvelope(MessageId.of(messageId), EventType.ALIAS, "alias", null, UserId.of(userId), previousId,
        T0, T0.plusMillis(250), SOURCE, json(messageId, "alias", "{}"));
  }

  public static EventEnvelope withJson(String messageId, String anonymousId, byte[] json) {
    return new EventEnvelope(MessageId.of(messageId), EventType.TRACK, "Custom", AnonymousId.of(anonymousId), null,
        null, T0, T0, SOURCE, json);
  }

  public static byte[] json(String messageId, String type, String properties) {
    return ("{\"messageId\":\"" + messageId + "\",\"type\":\"" + type + "\",\"properties\":" + properties + "}")
        .getBytes(StandardCharsets.UTF_8);
  }
}
