package io.shopsense.demo;

import io.shopsense.api.event.EventType;
import io.shopsense.api.event.StandardEvent;

/** The kinds of call the demo shop makes, with their tracking-spec type and event name. */
enum Kind {
  PAGE(EventType.PAGE, null),
  SCREEN(EventType.SCREEN, null),
  IDENTIFY(EventType.IDENTIFY, null),
  ALIAS(EventType.ALIAS, null),
  PRODUCT_VIEWED(EventType.TRACK, StandardEvent.PRODUCT_VIEWED),
  PRODUCT_LIST_VIEWED(EventType.TRACK, StandardEvent.PRODUCT_LIST_VIEWED),
  /** Sent under the Segment spec's name "Products Searched"; the log stores it as "Product Searched". */
  PRODUCTS_SEARCHED(EventType.TRACK, StandardEvent.PRODUCT_SEARCHED, "Products Searched"),
  PRODUCT_ADDED(EventType.TRACK, StandardEvent.PRODUCT_ADDED),
  PRODUCT_REMOVED(EventType.TRACK, StandardEvent.PRODUCT_REMOVED),
  PRODUCT_ADDED_TO_WISHLIST(EventType.TRACK, StandardEvent.PRODUCT_ADDED_TO_WISHLIST),
  CART_VIEWED(EventType.TRACK, StandardEvent.CART_VIEWED),
  CHECKOUT_STARTED(EventType.TRACK, StandardEvent.CHECKOUT_STARTED),
  COUPON_APPLIED(EventType.TRACK, StandardEvent.COUPON_APPLIED),
  PAYMENT_INFO_ENTERED(EventType.TRACK, StandardEvent.PAYMENT_INFO_ENTERED),
  ORDER_COMPLETED(EventType.TRACK, StandardEvent.ORDER_COMPLETED),
  ORDER_CANCELLED(EventType.TRACK, StandardEvent.ORDER_CANCELLED),
  ORDER_REFUNDED(EventType.TRACK, StandardEvent.ORDER_REFUNDED),
  REVIEW_SUBMITTED(EventType.TRACK, StandardEvent.REVIEW_SUBMITTED),
  /** The storefront's consent banner: sent at the first visit of each cookie (see {@link Person#consents}). */
  CONSENT_UPDATED(EventType.TRACK, "Consent Updated", "Consent Updated");

  static final Kind[] ALL = values();

  final EventType type;
  /** The event name sent (track calls only). */
  final String sent;
  /** The name counted in the summary: the canonical event name the log stores, or the call type. */
  final String summaryName;

  Kind(EventType type, StandardEvent event) {
    this(type, event, event == null ? null : event.wireName());
  }

  Kind(EventType type, String sent, String summaryName) {
    this.type = type;
    this.sent = sent;
    this.summaryName = summaryName;
  }

  Kind(EventType type, StandardEvent event, String sent) {
    this.type = type;
    this.sent = sent;
    this.summaryName = event == null ? type.wireName() : event.wireName();
  }
}
