package io.shopsense.api.delivery;

import java.time.Instant;

/**
 * A message in the outbox and its delivery status. {@code attempts} counts claims (a claim whose dispatcher crashed
 * counts as an attempt); {@code claimToken} and {@code leaseUntil} describe the current or last claim and are empty
 * / null while the message was never claimed; {@code detail} is the provider id once delivered, else the last
 * failure's reason (empty when none).
 */
public record OutboxEntry(long id, OutboundMessage message, DeliveryStatus status, int attempts, Instant dueAt,
    String claimToken, Instant leaseUntil, String detail, Instant enqueuedAt, Instant updatedAt) {

  public DeliveryKey key() {
    return message.key();
  }
}
