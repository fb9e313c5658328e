package io.shopsense.api.event;

/** A person searched the shop. */
public record ProductSearched(EventMeta meta, String query, Properties properties) implements TrackEvent {
  @Override
  public String name() {
    return StandardEvent.PRODUCT_SEARCHED.wireName();
  }
}
