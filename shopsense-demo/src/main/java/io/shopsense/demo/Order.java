package io.shopsense.demo;

/**
 * An order (or the part of one that is refunded): its lines with the unit prices paid, and the amounts in minor
 * units. {@code revenue} is what the shop earns (subtotal less discount), {@code total} adds shipping and tax.
 */
final class Order {
  final String id;
  final String checkoutId;
  final String cartId;
  final Person person;
  final long placedAt;
  final int[] items;
  final int[] quantities;
  final long[] prices;
  final long subtotal;
  final long discount;
  final long shipping;
  final long tax;
  final String coupon;
  final String couponName;
  final String paymentMethod;

  Order(String id, String checkoutId, String cartId, Person person, long placedAt, int[] items, int[] quantities,
      long[] prices, long discount, long shipping, long tax, String coupon, String couponName, String paymentMethod) {
    this.id = id;
    this.checkoutId = checkoutId;
    this.cartId = cartId;
    this.person = person;
    this.placedAt = placedAt;
    this.items = items;
    this.quantities = quantities;
    this.prices = prices;
    long sum = 0;
    for (int i = 0; i < items.length; i++) {
      sum += prices[i] * quantities[i];
    }
    this.subtotal = sum;
    this.discount = discount;
    this.shipping = shipping;
    this.tax = tax;
    this.coupon = coupon;
    this.couponName = couponName;
    this.paymentMethod = paymentMethod;
  }

  long revenue() {
    return subtotal - discount;
  }

  long total() {
    return revenue() + shipping + tax;
  }

  /** The refund of one line (with its share of the discount), or of the whole order when {@code line} is -1. */
  Order refund(int line) {
    if (line < 0) {
      return this;
    }
    long lineAmount = prices[line] * quantities[line];
    long share = subtotal == 0 ? 0 : Math.round((double) discount * lineAmount / subtotal);
    return new Order(id, checkoutId, cartId, person, placedAt, new int[] {items[line]},
        new int[] {quantities[line]}, new long[] {prices[line]}, share, 0, 0, coupon, couponName, paymentMethod);
  }
}
