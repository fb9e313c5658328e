package io.shopsense.api.delivery;

import io.shopsense.api.campaign.Channel;
/**
 * The SPI every channel implements: deliver one message, answer how it went. Called by the outbox dispatcher, one
 * message at a time, possibly from several threads; implementations are thread-safe.
 *
 * <p>Contract: never throws for a delivery that failed — a failure is a {@link DeliveryResult} with a reason (a
 * runtime exception is treated as a retryable failure). A channel that is {@link #idempotent()} passes
 * {@link DeliveryKey#idempotencyKey()} on to its provider so that a second delivery of the same key (after a crash
 * between sending and recording) is recognised there and not shown to the person twice.
 */
public interface DeliveryChannel {

  /** The medium this channel delivers to; the dispatcher routes messages by it. */
  Channel kind();

  DeliveryResult deliver(OutboundMessage message);

  /** Whether the provider de-duplicates a repeated idempotency key (see the class comment). */
  boolean idempotent();
}
