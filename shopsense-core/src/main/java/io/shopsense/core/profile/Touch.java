package io.shopsense.core.profile;

import io.shopsense.api.event.CartViewed;
import io.shopsense.api.event.CheckoutStarted;
import io.shopsense.api.event.Event;
import io.shopsense.api.event.OrderCompleted;
import io.shopsense.api.event.PaymentInfoEntered;
import io.shopsense.api.event.ProductAdded;
import io.shopsense.api.event.ProductSearched;
import io.shopsense.api.event.ProductViewed;
import java.time.Instant;
import java.util.Comparator;

/**
 * What the session intent needs of one event, small enough to keep the latest few in every profile.
 *
 * @param messageId  breaks ties between events at the same instant, so that "the latest" is one set in any order
 * @param sessionId  the context's session id, or null
 * @param productId  the viewed product, or null
 * @param category   the viewed product's category, or null
 */
public record Touch(Instant at, String messageId, Kind kind, String sessionId, String productId, String category) {

  /** The kinds of event that tell the intent apart. */
  public enum Kind { VIEW, SEARCH, CART, ORDER, OTHER }

  /** Latest last: by time, then message id. */
  public static final Comparator<Touch> ORDER =
      Comparator.comparing(Touch::at).thenComparing(Touch::messageId);

  public static Touch of(Event e) {
    String session = e.meta().context().sessionId();
    String id = e.meta().messageId().value();
    Instant at = e.meta().timestamp();
    if (e instanceof ProductViewed v) {
      String product = v.product() == null || v.product().productId() == null ? null
          : v.product().productId().value();
      return new Touch(at, id, Kind.VIEW, session, product, v.product() == null ? null : v.product().category());
    }
    Kind kind = e instanceof ProductSearched ? Kind.SEARCH
        : e instanceof ProductAdded || e instanceof CartViewed || e instanceof CheckoutStarted
            || e instanceof PaymentInfoEntered ? Kind.CART
        : e instanceof OrderCompleted ? Kind.ORDER : Kind.OTHER;
    return new Touch(at, id, kind, session, null, null);
  }
}
