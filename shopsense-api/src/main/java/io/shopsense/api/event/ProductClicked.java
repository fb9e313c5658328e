package io.shopsense.api.event;

/** A person clicked a product in a list or recommendation. */
public record ProductClicked(EventMeta meta, LineItem product, Properties properties) implements TrackEvent {
  @Override
  public String name() {
    return StandardEvent.PRODUCT_CLICKED.wireName();
  }
}
