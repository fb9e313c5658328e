package io.shopsense.core.collect.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.shopsense.api.event.StandardEvent;
import io.shopsense.core.collect.RejectReason;
import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * The property rules of the standard e-commerce events (Segment e-commerce spec v2): which fields each requires,
 * and the types and ranges of the ones it uses. Unknown properties are always allowed and kept.
 */
final class CommerceRules {
  private static final Pattern CURRENCY = Pattern.compile("[A-Za-z]{3}");
  private static final int MAX_TEXT = 2_000;
  private static final int MAX_LINES = 10_000;

  private final int maxIdLength;

  CommerceRules(int maxIdLength) {
    this.maxIdLength = maxIdLength;
  }

  void check(StandardEvent event, JsonNode props, Checks checks) {
    switch (event) {
      case PRODUCT_VIEWED, PRODUCT_CLICKED, PRODUCT_SHARED, PRODUCT_ADDED_TO_WISHLIST -> product(props, "properties",
          checks);
      case PRODUCT_ADDED, PRODUCT_REMOVED -> {
        product(props, "properties", checks);
        checks.id(props, "cart_id", "properties", maxIdLength);
      }
      case PRODUCT_SEARCHED -> {
        int before = checks.size();
        if (checks.text(props, "query", "properties", MAX_TEXT) == null && checks.size() == before) {
          checks.add(RejectReason.MISSING_FIELD, "properties.query", "a search needs its query");
        }
      }
      case PRODUCT_LIST_VIEWED -> {
        checks.id(props, "list_id", "properties", maxIdLength);
        checks.text(props, "category", "properties", MAX_TEXT);
        lines(props, checks);
      }
      case CART_VIEWED -> {
        checks.id(props, "cart_id", "properties", maxIdLength);
        lines(props, checks);
      }
      case CHECKOUT_STARTED -> order(props, false, checks);
      case PAYMENT_INFO_ENTERED -> {
        checks.id(props, "checkout_id", "properties", maxIdLength);
        checks.id(props, "order_id", "properties", maxIdLength);
        checks.text(props, "payment_method", "properties", MAX_TEXT);
      }
      case ORDER_COMPLETED, ORDER_CANCELLED, ORDER_REFUNDED -> order(props, true, checks);
      case COUPON_APPLIED -> {
        checks.id(props, "order_id", "properties", maxIdLength);
        checks.id(props, "cart_id", "properties", maxIdLength);
        checks.id(props, "coupon_id", "properties", maxIdLength);
        checks.text(props, "coupon_name", "properties", MAX_TEXT);
        checks.number(props, "discount", "properties", BigDecimal.ZERO);
      }
      case REVIEW_SUBMITTED -> {
        requireId(props, "product_id", "properties", checks);
        checks.id(props, "review_id", "properties", maxIdLength);
        checks.number(props, "rating", "properties", BigDecimal.ZERO);
        checks.text(props, "review_body", "properties", 20_000);
      }
      default -> throw new IllegalStateException("no rules for " + event);
    }
  }

  private void order(JsonNode props, boolean orderIdRequired, Checks checks) {
    if (orderIdRequired) {
      requireId(props, "order_id", "properties", checks);
    } else {
      checks.id(props, "order_id", "properties", maxIdLength);
    }
    checks.id(props, "checkout_id", "properties", maxIdLength);
    for (String amount : new String[] {"total", "subtotal", "revenue", "value", "shipping", "tax", "discount"}) {
      checks.number(props, amount, "properties", BigDecimal.ZERO);
    }
    checks.text(props, "coupon", "properties", MAX_TEXT);
    currency(props, "properties", checks);
    lines(props, checks);
  }

  private void lines(JsonNode props, Checks checks) {
    JsonNode products = props.get("products");
    if (!Checks.present(products)) {
      return;
    }
    if (!products.isArray()) {
      checks.add(RejectReason.INVALID_TYPE, "properties.products", "expected an array");
      return;
    }
    if (products.size() > MAX_LINES) {
      checks.add(RejectReason.INVALID_VALUE, "properties.products", "more than " + MAX_LINES + " lines");
      return;
    }
    for (int i = 0; i < products.size(); i++) {
      JsonNode line = products.get(i);
      String path = "properties.products[" + i + "]";
      if (!line.isObject()) {
        checks.add(RejectReason.INVALID_TYPE, path, "expected an object");
      } else {
        product(line, path, checks);
      }
    }
  }

  private void product(JsonNode p, String path, Checks checks) {
    int before = checks.size();
    String productId = checks.id(p, "product_id", path, maxIdLength);
    String sku = checks.id(p, "sku", path, maxIdLength);
    if (productId == null && sku == null && checks.size() == before) {
      checks.add(RejectReason.MISSING_FIELD, path + ".product_id", "a product needs a product_id or sku");
    }
    checks.text(p, "name", path, MAX_TEXT);
    checks.text(p, "brand", path, MAX_TEXT);
    checks.text(p, "variant", path, MAX_TEXT);
    checks.text(p, "coupon", path, MAX_TEXT);
    JsonNode category = p.get("category");
    if (Checks.present(category) && !category.isTextual() && !category.isArray()) {
      checks.add(RejectReason.INVALID_TYPE, path + ".category", "expected a string or an array of strings");
    }
    checks.number(p, "price", path, BigDecimal.ZERO);
    checks.whole(p, "quantity", path, 1, 1_000_000);
    checks.whole(p, "position", path, 0, Integer.MAX_VALUE);
    currency(p, path, checks);
  }

  private void currency(JsonNode p, String path, Checks checks) {
    String currency = checks.text(p, "currency", path, 3);
    if (currency != null && !CURRENCY.matcher(currency).matches()) {
      checks.add(RejectReason.INVALID_VALUE, path + ".currency", "expected a three-letter ISO 4217 code");
    }
  }

  private void requireId(JsonNode parent, String field, String at, Checks checks) {
    int before = checks.size();
    if (checks.id(parent, field, at, maxIdLength) == null && checks.size() == before) {
      checks.add(RejectReason.MISSING_FIELD, Checks.path(at, field), "required");
    }
  }
}
