package io.shopsense.lake;

import static io.shopsense.lake.EventFields.*;

import io.shopsense.api.event.StandardEvent;
import java.math.BigDecimal;

/**
 * The commerce columns of a track event ({@code product_id} to {@code rating}) and its product lines, as the typed
 * standard events gave them to the lake before: the product of a single-product event, the order of checkout and order
 * events, the lines of list, cart, checkout and order events; where a typed event had no field for a column, the
 * property of the same name as sent.
 */
final class CommerceColumns {
  private final Cells c;
  private final EventFields f;
  private final EventRecord.Writer out;
  private boolean singleLine;
  private boolean lines;
  private int lineCount;

  CommerceColumns(Cells cells) {
    this.c = cells;
    this.f = cells.f;
    this.out = cells.out;
  }

  /** {@code product_id} to {@code rating} of the track event in the fields; {@link #writeLines} follows. */
  void write() {
    String name = c.text(EVENT);
    StandardEvent standard = StandardEvent.byName(name == null ? "" : name).orElse(null);
    int productId = -1;
    int productIdPlain = -1;
    int query = -1;
    int order = -1;
    int orderPlain = P_ORDER_ID;
    int cart = -1;
    int cartPlain = P_CART_ID;
    int revenue = -1;
    int total = -1;
    int discount = -1;
    int currency = -1;
    int coupon = -1;
    int couponName = -1;
    int rating = -1;
    boolean single = false;
    boolean lines = false;
    if (standard == null) {
      productIdPlain = P_PRODUCT + L_PRODUCT_ID;
    } else {
      switch (standard) {
        case PRODUCT_VIEWED, PRODUCT_CLICKED, PRODUCT_SHARED, PRODUCT_ADDED_TO_WISHLIST -> single = true;
        case PRODUCT_ADDED, PRODUCT_REMOVED -> {
          single = true;
          cart = P_CART_ID;
        }
        case PRODUCT_LIST_VIEWED -> lines = true;
        case CART_VIEWED -> {
          lines = true;
          cart = P_CART_ID;
        }
        case CHECKOUT_STARTED, ORDER_COMPLETED, ORDER_CANCELLED, ORDER_REFUNDED -> {
          lines = true;
          order = P_ORDER_ID;
          revenue = P_REVENUE;
          total = f.kind[P_TOTAL] == NUMBER ? P_TOTAL : P_VALUE;
          discount = P_DISCOUNT;
          currency = P_CURRENCY;
          coupon = P_PRODUCT + L_COUPON;
        }
        case PAYMENT_INFO_ENTERED -> order = P_ORDER_ID;
        case COUPON_APPLIED -> {
          order = P_ORDER_ID;
          cart = P_CART_ID;
          discount = P_DISCOUNT;
          coupon = P_COUPON_ID;
          couponName = P_COUPON_NAME;
        }
        case REVIEW_SUBMITTED -> {
          productId = P_PRODUCT + L_PRODUCT_ID;
          rating = P_RATING;
        }
        case PRODUCT_SEARCHED -> query = P_QUERY;
        default -> throw new IllegalStateException("unhandled standard event " + standard);
      }
    }
    singleLine = single && lineOf(P_PRODUCT);
    this.lines = lines;
    // product_id: of the single product, a review's (as a node's text), a custom event's (as a property's text)
    if (singleLine) {
      lineProductId(P_PRODUCT);
    } else if (productId >= 0) {
      c.writeText(productId);
    } else {
      c.writePlain(productIdPlain);
    }
    c.writeText(query);
    c.textOr(order, orderPlain);
    c.textOr(cart, cartPlain);
    c.amount(revenue);
    c.amount(total);
    c.amount(discount);
    c.textOr(currency, P_CURRENCY);
    lineCount = 0;
    long units = 0;
    if (singleLine) {
      lineCount = 1;
      units = c.quantity(f.kind[P_PRODUCT + L_QUANTITY], f.start[P_PRODUCT + L_QUANTITY], f.stop[P_PRODUCT
          + L_QUANTITY]);
    } else if (lines) {
      for (int i = 0; i < f.lines; i++) {
        int base = i * LINE_SLOTS;
        if (lineHasId(base)) {
          lineCount++;
          units += c.quantity(f.lineKind[base + L_QUANTITY], f.lineStart[base + L_QUANTITY],
              f.lineStop[base + L_QUANTITY]);
        }
      }
    }
    if (lineCount == 0) {
      out.nullNumber();
    } else {
      out.number(units);
    }
    if (couponName >= 0) {
      if (c.present(coupon)) {
        c.writeText(coupon);
      } else {
        c.textOr(couponName, P_PRODUCT + L_COUPON);
      }
    } else {
      c.textOr(coupon, P_PRODUCT + L_COUPON);
    }
    BigDecimal r = rating >= 0 ? f.decimal(f.kind[rating], f.start[rating], f.stop[rating]) : null;
    if (r == null) {
      out.nullNumber();
    } else {
      out.number(r.intValue());
    }
  }

  /** The line count and the lines, after the JSON members. */
  void writeLines() {
    out.count(lineCount);
    if (singleLine) {
      singleLine();
    } else if (lines) {
      for (int i = 0; i < f.lines; i++) {
        int base = i * LINE_SLOTS;
        if (lineHasId(base)) {
          line(base);
        }
      }
    }
  }

  /** Whether the properties themselves name a product (a single-product event's line). */
  private boolean lineOf(int base) {
    return c.present(base + L_PRODUCT_ID) || c.present(base + L_SKU);
  }

  private boolean lineHasId(int base) {
    return c.lineText(base + L_PRODUCT_ID) || c.lineText(base + L_SKU);
  }

  private void lineProductId(int base) {
    c.writeText(c.present(base + L_PRODUCT_ID) ? base + L_PRODUCT_ID : base + L_SKU);
  }

  private void singleLine() {
    int b = P_PRODUCT;
    lineProductId(b);
    c.writeText(b + L_SKU);
    c.writeText(b + L_NAME);
    c.category(f.kind[b + L_CATEGORY], f.start[b + L_CATEGORY], f.stop[b + L_CATEGORY], f.text[b + L_CATEGORY]);
    c.writeText(b + L_BRAND);
    c.writeText(b + L_VARIANT);
    c.fitted(f.fitNumber(f.kind[b + L_PRICE], f.start[b + L_PRICE], f.stop[b + L_PRICE]));
    out.number(c.quantity(f.kind[b + L_QUANTITY], f.start[b + L_QUANTITY], f.stop[b + L_QUANTITY]));
    c.writeText(b + L_COUPON);
  }

  private void line(int base) {
    int id = c.lineText(base + L_PRODUCT_ID) ? base + L_PRODUCT_ID : base + L_SKU;
    c.lineWrite(id);
    c.lineWrite(base + L_SKU);
    c.lineWrite(base + L_NAME);
    int cat = base + L_CATEGORY;
    c.category(f.lineKind[cat], f.lineStart[cat], f.lineStop[cat], f.lineText[cat]);
    c.lineWrite(base + L_BRAND);
    c.lineWrite(base + L_VARIANT);
    int p = base + L_PRICE;
    c.fitted(f.fitNumber(f.lineKind[p], f.lineStart[p], f.lineStop[p]));
    int q = base + L_QUANTITY;
    out.number(c.quantity(f.lineKind[q], f.lineStart[q], f.lineStop[q]));
    c.lineWrite(base + L_COUPON);
  }
}
