package io.shopsense.api.event;

/** A person put a product into the cart. */
public record ProductAdded(EventMeta meta, LineItem product, String cartId, Properties properties) implements TrackEvent {
  @Override
  public String name() {
    return StandardEvent.PRODUCT_ADDED.wireName();
  }
}
