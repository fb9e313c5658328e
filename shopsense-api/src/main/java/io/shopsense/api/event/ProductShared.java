package io.shopsense.api.event;

/** A person shared a product. */
public record ProductShared(EventMeta meta, LineItem product, Properties properties) implements TrackEvent {
  @Override
  public String name() {
    return StandardEvent.PRODUCT_SHARED.wireName();
  }
}
