package io.shopsense.api.event;

/** An order was cancelled before it was fulfilled. */
public record OrderCancelled(EventMeta meta, OrderDetails order, Properties properties) implements TrackEvent {
  @Override
  public String name() {
    return StandardEvent.ORDER_CANCELLED.wireName();
  }
}
