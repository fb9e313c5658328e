package io.shopsense.api.event;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The standard e-commerce track events, by their wire names (the Segment e-commerce spec v2 names). */
public enum StandardEvent {
  PRODUCT_VIEWED("Product Viewed"),
  PRODUCT_CLICKED("Product Clicked"),
  PRODUCT_SEARCHED("Product Searched", "Products Searched"),
  PRODUCT_LIST_VIEWED("Product List Viewed"),
  PRODUCT_ADDED("Product Added"),
  PRODUCT_REMOVED("Product Removed"),
  PRODUCT_ADDED_TO_WISHLIST("Product Added to Wishlist"),
  PRODUCT_SHARED("Product Shared"),
  CART_VIEWED("Cart Viewed"),
  CHECKOUT_STARTED("Checkout Started"),
  PAYMENT_INFO_ENTERED("Payment Info Entered"),
  ORDER_COMPLETED("Order Completed"),
  ORDER_CANCELLED("Order Cancelled"),
  ORDER_REFUNDED("Order Refunded"),
  COUPON_APPLIED("Coupon Applied"),
  REVIEW_SUBMITTED("Review Submitted", "Product Reviewed");

  private static final Map<String, StandardEvent> BY_NAME = new HashMap<>();

  static {
    for (StandardEvent e : values()) {
      for (String n : e.names) {
        BY_NAME.put(n, e);
      }
    }
  }

  private final String wireName;
  private final String[] names;

  StandardEvent(String wireName, String... aliases) {
    this.wireName = wireName;
    this.names = new String[aliases.length + 1];
    this.names[0] = wireName;
    System.arraycopy(aliases, 0, this.names, 1, aliases.length);
  }

  /** The canonical name events of this kind are stored under. */
  public String wireName() {
    return wireName;
  }

  /** The standard event a name denotes (its canonical name or a known alias), if any. */
  public static Optional<StandardEvent> byName(String name) {
    return Optional.ofNullable(BY_NAME.get(name));
  }
}
