package io.shopsense.core.campaign.delivery;

import io.shopsense.api.delivery.OutboxEntry;
import java.time.Instant;

/**
 * A last check the dispatcher asks before it delivers a claimed message: for a message that was held by the
 * contact-pressure policy, whether it may go now. Called on the dispatching thread; implementations are thread-safe.
 */
@FunctionalInterface
public interface SendGate {
  /** What the gate decided. */
  sealed interface Decision {}

  /** Deliver it. */
  record Proceed() implements Decision {}

  /** Do not deliver it, ever: recorded as a failure with the reason. */
  record Drop(String reason) implements Decision {}

  /** Not yet: back in the queue until {@code until}. */
  record Defer(Instant until, String reason) implements Decision {}

  Decision PROCEED = new Proceed();

  /** The gate that lets everything through. */
  SendGate OPEN = entry -> PROCEED;

  Decision check(OutboxEntry entry);
}
