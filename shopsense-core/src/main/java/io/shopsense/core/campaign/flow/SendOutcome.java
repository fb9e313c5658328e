package io.shopsense.core.campaign.flow;

import io.shopsense.api.campaign.Channel;
import io.shopsense.api.delivery.DeliveryKey;
import java.time.Instant;

/** What became of a {@link SendRequest}; every outcome but {@link Queued} says why. */
public sealed interface SendOutcome {
  DeliveryKey key();

  /**
   * In the outbox, due at {@code dueAt}, its contact recorded (a key that was there already stays as it was: the
   * outbox and the contact log keep one message per key).
   */
  record Queued(DeliveryKey key, Channel channel, Instant dueAt) implements SendOutcome {}

  /** In the outbox, to be checked by the policy again at {@code until} (quiet hours, a competing message). */
  record Held(DeliveryKey key, Channel channel, Instant until, String rule, String reason) implements SendOutcome {}

  /** Refused by a rule of the contact-pressure policy (recorded as a {@code MessageSuppressed}). */
  record Suppressed(DeliveryKey key, String rule, String reason) implements SendOutcome {}

  /** Cannot be sent at all: no reachable channel, an unknown template, a template that does not render. */
  record Unsendable(DeliveryKey key, String reason) implements SendOutcome {}
}
