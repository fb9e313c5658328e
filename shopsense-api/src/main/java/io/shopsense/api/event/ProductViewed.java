package io.shopsense.api.event;

/** A person looked at a product's page. */
public record ProductViewed(EventMeta meta, LineItem product, Properties properties) implements TrackEvent {
  @Override
  public String name() {
    return StandardEvent.PRODUCT_VIEWED.wireName();
  }
}
