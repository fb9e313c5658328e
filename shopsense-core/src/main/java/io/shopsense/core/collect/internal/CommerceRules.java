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
        checks.id(props, "cart_id", "properties.cart_id", maxIdLength);
      }
      case PRODUCT_SEARCHED -> {
        int before = checks.size();
        if (checks.text(props, "query", "properties.query", MAX_TEXT) == null && checks.size() == before) {
          checks.add(RejectReason.MISSING_FIELD, "properties.query", "a search needs its query");
        }
      }
      case PRODUCT_LIST_VIEWED -> {
        checks.id(props, "list_id", "properties.list_id", maxIdLength);
        checks.text(props, "category", "properties.category", MAX_TEXT);
        lines(props, checks);
      }
      case CART_VIEWED -> {
        checks.id(props, "cart_id", "properties.cart_id", maxIdLength);
        lines(props, checks);
      }
      case CHECKOUT_STARTED -> order(props, false, checks);
      case PAYMENT_INFO_ENTERED -> {
        checks.id(props, "checkout_id", "properties.checkout_id", maxIdLength);
        checks.id(props, "order_id", "properties.order_id", maxIdLength);
        checks.text(props, "payment_method", "properties.payment_method", MAX_TEXT);
      }
      case ORDER_COMPLETED, ORDER_CANCELLED, ORDER_REFUNDED -> order(props, true, checks);
      case COUPON_APPLIED -> {
        checks.id(props, "order_id", "properties.order_id", maxIdLength);
        checks.id(props, "cart_id", "properties.cart_id", maxIdLength);
        checks.id(props, "coupon_id", "properties.coupon_id", maxIdLength);
        checks.text(props, "coupon_name", "properties.coupon_name", MAX_TEXT);
        checks.number(props, "discount", "properties.discount", BigDecimal.ZERO);
      }
      case REVIEW_SUBMITTED -> {
        requireId(props, "product_id", "properties.product_id", checks);
        checks.id(props, "review_id", "properties.review_id", maxIdLength);
        checks.number(props, "rating", "properties.rating", BigDecimal.ZERO);
        checks.text(props, "review_body", "properties.review_body", 20_000);
      }
      default -> throw new IllegalStateException("no rules for " + event);
    }
  }

  private void order(JsonNode props, boolean orderIdRequired, Checks checks) {
    if (orderIdRequired) {
      requireId(props, "order_id", "properties.order_id", checks);
    } else {
      checks.id(props, "order_id", "properties.order_id", maxIdLength);
    }
    checks.id(props, "checkout_id", "properties.checkout_id", maxIdLength);
    for (String amount : new String[] {"total", "subtotal", "revenue", "value", "shipping", "tax", "discount"}) {
      checks.number(props, amount, "properties." + amount, BigDecimal.ZERO);
    }
    checks.text(props, "coupon", "properties.coupon", MAX_TEXT);
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
    String productId = checks.id(p, "product_id", path + ".product_id", maxIdLength);
    String sku = checks.id(p, "sku", path + ".sku", maxIdLength);
    if (productId == null && sku == null && checks.size() == before) {
      checks.add(RejectReason.MISSING_FIELD, path + ".product_id", "a product needs a product_id or sku");
    }
    checks.text(p, "name", path + ".name", MAX_TEXT);
    checks.text(p, "brand", path + ".brand", MAX_TEXT);
    checks.text(p, "variant", path + ".variant", MAX_TEXT);
    checks.text(p, "coupon", path + ".coupon", MAX_TEXT);
    JsonNode category = p.get("category");
    if (Checks.present(category) && !category.isTextual() && !category.isArray()) {
      checks.add(RejectReason.INVALID_TYPE, path + ".category", "expected a string or an array of strings");
    }
    checks.number(p, "price", path + ".price", BigDecimal.ZERO);
    checks.whole(p, "quantity", path + ".quantity", 1, 1_000_000);
    checks.whole(p, "position", path + ".position", 0, Integer.MAX_VALUE);
    currency(p, path, checks);
  }

  private void currency(JsonNode p, String path, Checks checks) {
    String currency = checks.text(p, "currency", path + ".currency", 3);
    if (currency != null && !CURRENCY.matcher(currency).matches()) {
      checks.add(RejectReason.INVALID_VALUE, path + ".currency", "expected a three-letter ISO 4217 code");
    }
  }

  private void requireId(JsonNode parent, String field, String path, Checks checks) {
    int before = checks.size();
    if (checks.id(parent, field, path, maxIdLength) == null && checks.size() == before) {
      checks.add(RejectReason.MISSING_FIELD, path, "required");
    }
  }
}
