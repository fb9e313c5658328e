package io.shopsense.core.campaign.coupon;

import io.shopsense.api.event.CouponApplied;
import io.shopsense.api.event.OrderCompleted;
import io.shopsense.api.event.OrderDetails;
import io.shopsense.api.id.PersonId;
import io.shopsense.api.offer.CouponGrant;
import io.shopsense.api.offer.CouponPool;
import io.shopsense.api.offer.CouponStore;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Redeems coupons from the shop's events. {@code Coupon Applied} checks the code (known, the person's own, not
 * expired, not used by another order) without spending it, since the order may still be abandoned; {@code Order
 * Completed} redeems the order's coupon, checking the minimum spend against the order's subtotal (else its value).
 * Expiry is judged at the event's time, so a late event of an order placed in time still redeems. Replaying the same
 * order is accepted again without a second redemption. The person is the one the caller resolved for the event.
 */
public final class CouponRedeemer {
  private final CouponStore store;

  public CouponRedeemer(CouponStore store) {
    this.store = store;
  }

  /** Checks the code a cart or order applied; spends nothing. */
  public RedemptionResult onCouponApplied(CouponApplied event, PersonId person) {
    String code = CouponCodes.normalise(event.couponId() != null ? event.couponId() : event.couponName());
    if (code.isEmpty()) {
      return new RedemptionResult.NoCoupon();
    }
    var found = find(code, person, event.orderId(), event.meta().timestamp());
    if (found instanceof Found f) {
      return new RedemptionResult.Accepted(f.grant(), null, false);
    }
    return ((Failed) found).result();
  }

  /** Redeems the order's coupon, if it names one. */
  public RedemptionResult onOrderCompleted(OrderCompleted event, PersonId person) {
    OrderDetails order = event.order();
    String code = CouponCodes.normalise(order.coupon());
    if (code.isEmpty()) {
      return new RedemptionResult.NoCoupon();
    }
    String orderId = order.orderId() == null ? "message:" + event.meta().messageId() : order.orderId().toString();
    var found = find(code, person, orderId, event.meta().timestamp());
    if (found instanceof Failed f) {
      return f.result();
    }
    Found f = (Found) found;
    if (f.grant().redeemed()) { // redeemed by this very order before: a replay
      return new RedemptionResult.Accepted(f.grant(), f.grant().discount(), false);
    }
    BigDecimal spend = order.subtotal() != null ? order.subtotal() : order.value();
    if (spend.compareTo(f.pool().minimumSpend()) < 0) {
      return new RedemptionResult.Rejected(RedemptionResult.Reason.BELOW_MINIMUM_SPEND, "order " + orderId + " spends "
          + spend.toPlainString() + ", below the minimum of " + f.pool().minimumSpend().toPlainString() + " for "
          + code);
    }
    BigDecimal discount = f.pool().discountOn(spend);
    if (store.redeem(f.grant().poolId(), f.grant().key(), orderId, discount, event.meta().timestamp())) {
      return new RedemptionResult.Accepted(store.grant(f.grant().poolId(), f.grant().key()).orElseThrow(), discount,
          true);
    }
    // another order redeemed it between the lookup and now
    return new RedemptionResult.Rejected(RedemptionResult.Reason.ALREADY_REDEEMED, code + " was just redeemed by "
        + "another order");
  }

  private sealed interface Lookup permits Found, Failed {
  }

  private record Found(CouponGrant grant, CouponPool pool) implements Lookup {
  }

  private record Failed(RedemptionResult result) implements Lookup {
  }

  /** The person's grant with the code that this order may use: unredeemed, or redeemed by this order. */
  private Lookup find(String code, PersonId person, String orderId, Instant at) {
    List<CouponGrant> grants = store.grantsByCode(code, person);
    if (grants.isEmpty()) {
      return new Failed(store.codeExists(code)
          ? new RedemptionResult.Rejected(RedemptionResult.Reason.FOREIGN_CODE, code + " was granted to someone "
              + "else")
          : new RedemptionResult.Rejected(RedemptionResult.Reason.UNKNOWN_CODE, "no coupon has the code " + code));
    }
    Optional<CouponGrant> usable = grants.stream()
        .filter(g -> g.redeemed() && orderId != null && orderId.equals(g.orderId())).findFirst()
        .or(() -> grants.stream().filter(g -> !g.redeemed()).findFirst());
    if (usable.isEmpty()) {
      return new Failed(new RedemptionResult.Rejected(RedemptionResult.Reason.ALREADY_REDEEMED, code
          + " was redeemed by order " + grants.get(0).orderId()));
    }
    Optional<CouponPool> pool = store.pool(usable.get().poolId());
    if (pool.isEmpty() || !at.isBefore(pool.get().expiresAt())) {
      return new Failed(new RedemptionResult.Rejected(RedemptionResult.Reason.EXPIRED, code + " expired"
          + pool.map(p -> " at " + p.expiresAt()).orElse("")));
    }
    return new Found(usable.get(), pool.get());
  }
}
