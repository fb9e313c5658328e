package io.shopsense.api.event;

/** Money of an order was paid back; {@code order.total} (else the lines) is the refunded amount. */
public record OrderRefunded(EventMeta meta, OrderDetails order, Properties properties) implements TrackEvent {
  @Override
  public String name() {
    return StandardEvent.ORDER_REFUNDED.wireName();
  }
}
