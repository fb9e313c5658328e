package io.shopsense.api.event;

/** A person placed an order: the purchase event. */
public record OrderCompleted(EventMeta meta, OrderDetails order, Properties properties) implements TrackEvent {
  @Override
  public String name() {
    return StandardEvent.ORDER_COMPLETED.wireName();
  }
}
