package io.shopsense.api.event;

/** A person took a product out of the cart. */
public record ProductRemoved(EventMeta meta, LineItem product, String cartId, Properties properties) implements TrackEvent {
  @Override
  public String name() {
    return StandardEvent.PRODUCT_REMOVED.wireName();
  }
}
