package io.shopsense.api.event;

/** A person started to check out. */
public record CheckoutStarted(EventMeta meta, OrderDetails order, Properties properties) implements TrackEvent {
  @Override
  public String name() {
    return StandardEvent.CHECKOUT_STARTED.wireName();
  }
}
