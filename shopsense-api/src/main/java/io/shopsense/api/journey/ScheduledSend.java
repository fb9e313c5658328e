package io.shopsense.api.journey;

import io.shopsense.api.id.PersonId;
import java.time.Instant;
import java.util.Objects;

/**
 * One message of a broadcast, due at {@code sendAt} (the broadcast's local time in the person's zone), with the
 * idempotency key {@code broadcast/<id>/<person>} under which the channels deliver it at most once.
 */
public record ScheduledSend(String broadcastId, PersonId person, Instant sendAt, SendSpec spec, String idempotencyKey) {
  public ScheduledSend {
    Objects.requireNonNull(broadcastId, "broadcastId");
    Objects.requireNonNull(person, "person");
    Objects.requireNonNull(sendAt, "sendAt");
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(idempotencyKey, "idempotencyKey");
  }
}
