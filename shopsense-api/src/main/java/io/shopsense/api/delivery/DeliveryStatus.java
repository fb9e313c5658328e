package io.shopsense.api.delivery;

/**
 * Where a message in the outbox is: {@code QUEUED} (waiting for its due time, first or again), {@code SENDING}
 * (claimed by a dispatcher until its lease ends), {@code DELIVERED} and {@code FAILED} (final).
 */
public enum DeliveryStatus {
  QUEUED,
  SENDING,
  DELIVERED,
  FAILED;

  public boolean isFinal() {
    return this == DELIVERED || this == FAILED;
  }
}
