package io.shopsense.api.event;

import io.shopsense.api.id.ProductId;

/** A person reviewed a product; {@code rating} is on the shop's scale (usually 1 to 5), or null. */
public record ReviewSubmitted(EventMeta meta, ProductId productId, String reviewId, Integer rating, String body,
    Properties properties) implements TrackEvent {
  @Override
  public String name() {
    return StandardEvent.REVIEW_SUBMITTED.wireName();
  }
}
