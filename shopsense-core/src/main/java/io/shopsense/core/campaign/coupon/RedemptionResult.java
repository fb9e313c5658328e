package io.shopsense.core.campaign.coupon;

import io.shopsense.api.offer.CouponGrant;
import java.math.BigDecimal;
import java.util.Objects;

/** What a coupon event came to: redeemed (or, for {@code Coupon Applied}, valid), rejected with why, or no coupon. */
public sealed interface RedemptionResult {

  /** Why a code was rejected. */
  enum Reason {
    /** No coupon carries the code. */
    UNKNOWN_CODE,
    /** The code was granted to someone else. */
    FOREIGN_CODE,
    /** The coupon's pool has expired (or the pool is gone). */
    EXPIRED,
    /** The order is below the pool's minimum spend. */
    BELOW_MINIMUM_SPEND,
    /** The coupon was redeemed by another order. */
    ALREADY_REDEEMED
  }

  /**
   * The coupon applies: redeemed by an order ({@code discount} what it takes off; {@code fresh} false when this order
   * had redeemed it before), or only checked for a {@code Coupon Applied} ({@code fresh} false, discount null).
   */
  record Accepted(CouponGrant grant, BigDecimal discount, boolean fresh) implements RedemptionResult {
    public Accepted {
      Objects.requireNonNull(grant, "grant");
    }
  }

  record Rejected(Reason reason, String detail) implements RedemptionResult {
    public Rejected {
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(detail, "detail");
    }
  }

  /** The event carried no coupon code. */
  record NoCoupon() implements RedemptionResult {
  }
}
