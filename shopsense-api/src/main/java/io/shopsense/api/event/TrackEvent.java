package io.shopsense.api.event;

/**
 * An action the person took. The standard e-commerce events are typed records; any other name is a
 * {@link CustomEvent}. Every track event keeps its full {@code properties} as sent.
 */
public sealed interface TrackEvent extends Event
    permits ProductViewed, ProductClicked, ProductSearched, ProductListViewed, ProductAdded, ProductRemoved,
        ProductAddedToWishlist, ProductShared, CartViewed, CheckoutStarted, PaymentInfoEntered, OrderCompleted,
        OrderCancelled, OrderRefunded, CouponApplied, ReviewSubmitted, CustomEvent {

  Properties properties();

  @Override
  default EventType type() {
    return EventType.TRACK;
  }
}
