package io.shopsense.api.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The durable queue of outbound messages, at most one per {@link DeliveryKey}. Campaigns and journeys enqueue; the
 * dispatcher claims due messages, delivers them and records the outcome. Thread-safe and safe for several processes
 * on one database: every call is atomic, and a claim is exclusive until its lease ends.
 *
 * <p>Exactly-once: enqueueing a key already in the outbox (in any status) changes nothing, so a message is sent at
 * most once per key however often the step runs. A dispatcher that crashes after its claim leaves the message
 * {@code SENDING}; once the lease ends another claim takes it over (at-least-once between claim and record, which an
 * idempotent channel closes). An outcome is recorded only by the holder of the current claim token, so a dispatcher
 * whose lease ran out cannot overwrite the outcome of the one that took over.
 */
public interface Outbox {

  /** A message and when it is due. */
  record Pending(OutboundMessage message, Instant dueAt) {
    public Pending {
      if (message == null || dueAt == null) {
        throw new IllegalArgumentException("a pending message needs a message and a due time");
      }
    }
  }

  /**
   * Enqueues the messages whose key is not in the outbox yet (a key repeated within the call counts once); returns
   * how many were new. {@code now} is the enqueue time recorded.
   */
  int enqueue(Collection<Pending> messages, Instant now);

  /** Enqueues one message; whether it was new (false: its key was already in the outbox, nothing changed). */
  default boolean enqueue(OutboundMessage message, Instant dueAt, Instant now) {
    return enqueue(List.of(new Pending(message, dueAt)), now) == 1;
  }

  /**
   * Claims up to {@code limit} messages that are due ({@code QUEUED} with a due time at or before {@code now}) or
   * whose claim expired ({@code SENDING} with a lease that ended at or before {@code now}), oldest due first: each
   * becomes {@code SENDING} under {@code claimToken} until {@code now + lease}, its attempts counted up by one. Two
   * concurrent claims never return the same message.
   */
  List<OutboxEntry> claim(String claimToken, Instant now, Duration lease, int limit);

  /** Records a delivery; false (and nothing changed) when the claim is no longer this token's. */
  boolean markDelivered(DeliveryKey key, String claimToken, String providerId, Instant now);

  /** Puts the message back in the queue, due at {@code dueAt}, with the reason; false when the claim was lost. */
  boolean markRetry(DeliveryKey key, String claimToken, String reason, Instant dueAt, Instant now);

  /** Records a final failure with its reason; false when the claim was lost. */
  boolean markFailed(DeliveryKey key, String claimToken, String reason, Instant now);

  /** The message with this key and its status, if it was enqueued (and not erased). */
  Optional<OutboxEntry> find(DeliveryKey key);

  /** How many messages of the source (a campaign or journey, as in {@link DeliveryKey#source()}) are in each status. */
  Map<DeliveryStatus, Long> statusCounts(String source);

  /**
   * Records what the person did with a message: the first time of each engagement counts, later ones change
   * nothing. Any message whose key is in the outbox can be tracked, whatever its status (a pixel may fire before the
   * dispatcher records the delivery); tracking changes neither the status nor the delivery time. Returns false when
   * the key is unknown (never queued, or erased) or the engagement was recorded before.
   */
  boolean track(DeliveryKey key, Engagement engagement, Instant at);

  /**
   * Credits an order to the person's last {@code DELIVERED} message delivered within {@code window} before
   * {@code orderAt} (both ends included) that has no conversion yet (last touch): one order per message, one message
   * per order. The order id makes a replayed order a no-op, also when two attributions of it race. Returns the
   * credited message's key; empty when no message qualifies or the order was credited before.
   *
   * @param orderId at most 200 characters
   * @param window  not negative
   * @param value   the order's value, counted in {@link StepReport#revenue()}; not null
   */
  Optional<DeliveryKey> attributeConversion(io.shopsense.api.id.PersonId person, String orderId, Instant orderAt,
      Duration window, java.math.BigDecimal value);

  /** The source's messages, step by step (see {@link StepReport}), by step id. */
  List<StepReport> report(String source);

  /** Deletes every message to the person (an erasure); returns how many. */
  int erase(io.shopsense.api.id.PersonId person);
}
