package io.shopsense.core.campaign.coupon;

import io.shopsense.api.offer.CouponPool;
import io.shopsense.api.offer.CouponPool.CodeKind;
import io.shopsense.api.offer.CouponPool.ValueKind;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;

/**
 * The coupon pools the ready-made journeys grant from ({@code ReadyMadeJourneys}): unique codes, one per person, a
 * count budget, and valid for a year from installation. A shop saves them through {@link CouponService#savePool} and
 * tunes values and budgets by saving a pool of the same id. Amounts are in the shop's currency.
 */
public final class ReadyMadePools {
  /** Potential customers' first order: 10% off, at most 20 off, on orders of 30 or more. */
  public static final String FIRST_ORDER = "first-order";
  /** The second cart reminder's coupon arm: 5 off orders of 40 or more. */
  public static final String CART_RECOVERY = "cart-recovery";
  /** Churned customers: 15% off, at most 30 off, on orders of 40 or more. */
  public static final String WIN_BACK = "win-back";

  private ReadyMadePools() {
  }

  /** The three pools, expiring one year after {@code now} (the installation time, from the caller's clock). */
  public static List<CouponPool> all(Instant now) {
    Objects.requireNonNull(now, "now");
    // a calendar year, not 365 days, so that a pool installed on a date expires on the same date next year
    Instant expires = now.atOffset(ZoneOffset.UTC).plusYears(1).toInstant();
    return List.of(
        pool(FIRST_ORDER, ValueKind.PERCENT, "10", "20", "30", expires, 10_000),
        pool(CART_RECOVERY, ValueKind.AMOUNT, "5", null, "40", expires, 5_000),
        pool(WIN_BACK, ValueKind.PERCENT, "15", "30", "40", expires, 5_000));
  }

  private static CouponPool pool(String id, ValueKind kind, String value, String maxDiscount, String minimumSpend,
      Instant expires, long budgetCount) {
    return new CouponPool(id, CodeKind.UNIQUE, null, kind, new BigDecimal(value),
        maxDiscount == null ? null : new BigDecimal(maxDiscount), new BigDecimal(minimumSpend), expires, budgetCount,
        null, 1);
  }
}
