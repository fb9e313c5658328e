package io.shopsense.api.event;

import io.shopsense.api.id.OrderId;
import java.math.BigDecimal;
import java.util.List;

/**
 * The order part of checkout and order events. Amounts are as sent, in {@code currency}; absent ones are null.
 *
 * @param revenue  product revenue (excluding shipping and tax), the spec's {@code revenue}
 * @param total    what the customer paid (or, for a refund, got back)
 * @param products the order's lines
 */
public record OrderDetails(
    OrderId orderId,
    String checkoutId,
    String affiliation,
    BigDecimal total,
    BigDecimal subtotal,
    BigDecimal revenue,
    BigDecimal shipping,
    BigDecimal tax,
    BigDecimal discount,
    String coupon,
    String currency,
    List<LineItem> products) {

  public OrderDetails {
    products = products == null ? List.of() : List.copyOf(products);
  }

  /** The best figure for what the order is worth: revenue, else total, else subtotal, else the sum of lines. */
  public BigDecimal value() {
    if (revenue != null) {
      return revenue;
    }
    if (total != null) {
      return total;
    }
    if (subtotal != null) {
      return subtotal;
    }
    return products.stream().map(LineItem::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  public long units() {
    return products.stream().mapToLong(LineItem::quantity).sum();
  }
}
