package io.shopsense.api.event;

/** A person put a product on a wish list. */
public record ProductAddedToWishlist(EventMeta meta, LineItem product, String wishlistId, Properties properties) implements TrackEvent {
  @Override
  public String name() {
    return StandardEvent.PRODUCT_ADDED_TO_WISHLIST.wireName();
  }
}
