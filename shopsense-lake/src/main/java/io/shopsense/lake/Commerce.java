package io.shopsense.lake;

import io.shopsense.api.event.CartViewed;
import io.shopsense.api.event.CheckoutStarted;
import io.shopsense.api.event.CouponApplied;
import io.shopsense.api.event.Event;
import io.shopsense.api.event.LineItem;
import io.shopsense.api.event.OrderCancelled;
import io.shopsense.api.event.OrderCompleted;
import io.shopsense.api.event.OrderDetails;
import io.shopsense.api.event.OrderRefunded;
import io.shopsense.api.event.PaymentInfoEntered;
import io.shopsense.api.event.ProductAdded;
import io.shopsense.api.event.ProductAddedToWishlist;
import io.shopsense.api.event.ProductClicked;
import io.shopsense.api.event.ProductListViewed;
import io.shopsense.api.event.ProductRemoved;
import io.shopsense.api.event.ProductSearched;
import io.shopsense.api.event.ProductShared;
import io.shopsense.api.event.ProductViewed;
import io.shopsense.api.event.Properties;
import io.shopsense.api.event.ReviewSubmitted;
import io.shopsense.api.event.TrackEvent;
import java.math.BigDecimal;
import java.util.List;

/**
 * The commerce columns of one event, taken from its typed form: the product of a single-product event, the order of
 * checkout and order events, the lines of everything that has product lines. Where the typed event has no field for
 * a column (a cart id on an order, a currency on a product view) the property of the same name is used, as sent.
 *
 * @param productId the product of a single-product event (or a review), else null
 * @param lines     the product lines, in the order sent; empty when the event has none
 */
record Commerce(String productId, String query, String orderId, String cartId, BigDecimal revenue,
    BigDecimal total, BigDecimal discount, String currency, String coupon, Integer rating, List<LineItem> lines) {

  static final Commerce NONE = new Commerce(null, null, null, null, null, null, null, null, null, null, List.of());

  /** Σ quantity of the lines, or null for an event without lines. */
  Long units() {
    return lines.isEmpty() ? null : lines.stream().mapToLong(LineItem::quantity).sum();
  }

  static Commerce of(Event event) {
    if (!(event instanceof TrackEvent)) {
      return NONE;
    }
    TrackEvent track = (TrackEvent) event;
    Properties p = track.properties();
    Commerce sent = new Commerce(null, null, text(p, "order_id"), text(p, "cart_id"), null, null, null,
        text(p, "currency"), text(p, "coupon"), null, List.of());
    if (track instanceof ProductViewed) {
      return sent.single(((ProductViewed) track).product(), null);
    } else if (track instanceof ProductClicked) {
      return sent.single(((ProductClicked) track).product(), null);
    } else if (track instanceof ProductShared) {
      return sent.single(((ProductShared) track).product(), null);
    } else if (track instanceof ProductAddedToWishlist) {
      return sent.single(((ProductAddedToWishlist) track).product(), null);
    } else if (track instanceof ProductAdded) {
      ProductAdded added = (ProductAdded) track;
      return sent.single(added.product(), added.cartId());
    } else if (track instanceof ProductRemoved) {
      ProductRemoved removed = (ProductRemoved) track;
      return sent.single(removed.product(), removed.cartId());
    } else if (track instanceof ProductListViewed) {
      return sent.withLines(((ProductListViewed) track).products(), null);
    } else if (track instanceof CartViewed) {
      CartViewed cart = (CartViewed) track;
      return sent.withLines(cart.products(), cart.cartId());
    } else if (track instanceof CheckoutStarted) {
      return sent.order(((CheckoutStarted) track).order());
    } else if (track instanceof OrderCompleted) {
      return sent.order(((OrderCompleted) track).order());
    } else if (track instanceof OrderCancelled) {
      return sent.order(((OrderCancelled) track).order());
    } else if (track instanceof OrderRefunded) {
      return sent.order(((OrderRefunded) track).order());
    } else if (track instanceof PaymentInfoEntered) {
      PaymentInfoEntered payment = (PaymentInfoEntered) track;
      return new Commerce(null, null, or(payment.orderId(), sent.orderId), sent.cartId, null, null, null,
          sent.currency, sent.coupon, null, List.of());
    } else if (track instanceof CouponApplied) {
      CouponApplied c = (CouponApplied) track;
      return new Commerce(null, null, or(c.orderId(), sent.orderId), or(c.cartId(), sent.cartId), null, null,
          c.discount(), sent.currency, or(c.couponId(), or(c.couponName(), sent.coupon)), null, List.of());
    } else if (track instanceof ReviewSubmitted) {
      ReviewSubmitted review = (ReviewSubmitted) track;
      return new Commerce(review.productId() == null ? null : review.productId().value(), null, sent.orderId,
          sent.cartId, null, null, null, sent.currency, sent.coupon, review.rating(), List.of());
    } else if (track instanceof ProductSearched) {
      return new Commerce(null, ((ProductSearched) track).query(), sent.orderId, sent.cartId, null, null, null,
          sent.currency, sent.coupon, null, List.of());
    }
    // a custom event: only what it sent under the standard property names
    return new Commerce(text(p, "product_id"), null, sent.orderId, sent.cartId, null, null, null, sent.currency,
        sent.coupon, null, List.of());
  }

  private Commerce single(LineItem product, String typedCartId) {
    return new Commerce(product == null ? null : product.productId().value(), null, orderId,
        or(typedCartId, cartId), null, null, null, currency, coupon, null,
        product == null ? List.of() : List.of(product));
  }

  private Commerce withLines(List<LineItem> products, String typedCartId) {
    return new Commerce(null, null, orderId, or(typedCartId, cartId), null, null, null, currency, coupon, null,
        products);
  }

  private Commerce order(OrderDetails order) {
    return new Commerce(null, null, order.orderId() == null ? orderId : order.orderId().value(), cartId,
        order.revenue(), order.total(), order.discount(), or(order.currency(), currency), or(order.coupon(), coupon),
        null, order.products());
  }

  private static String text(Properties p, String key) {
    return p.text(key).filter(s -> !s.isBlank()).orElse(null);
  }

  private static String or(String first, String second) {
    return first != null ? first : second;
  }
}
