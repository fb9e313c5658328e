package io.shopsense.api.event;

import io.shopsense.api.id.ProductId;
import java.math.BigDecimal;

/**
 * A product as it appears in an event: the product a person viewed, or one line of a cart or order.
 *
 * @param productId the product's id (the {@code product_id}, else the {@code sku})
 * @param category  the category as sent; a path may be separated by {@code /} or {@code >}
 * @param price     the unit price, or null
 * @param quantity  the number of units (1 when not sent)
 * @param raw       the product object as sent
 */
public record LineItem(
    ProductId productId,
    String sku,
    String name,
    String category,
    String brand,
    String variant,
    BigDecimal price,
    long quantity,
    String coupon,
    Integer position,
    Properties raw) {

  public LineItem {
    if (productId == null) {
      throw new IllegalArgumentException("a line item needs a product id");
    }
    raw = raw == null ? Properties.EMPTY : raw;
  }

  /** price × quantity, or zero without a price. */
  public BigDecimal amount() {
    return price == null ? BigDecimal.ZERO : price.multiply(BigDecimal.valueOf(quantity));
  }
}
