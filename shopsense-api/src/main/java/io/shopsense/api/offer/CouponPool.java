package io.shopsense.api.offer;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * A pool of coupons handed out under one budget.
 *
 * @param id             the pool's id
 * @param codes          one code for everyone ({@link CodeKind#FIXED}, {@code fixedCode} set) or a unique generated
 *                       code per grant ({@link CodeKind#UNIQUE})
 * @param fixedCode      the code of a fixed pool, else null
 * @param valueKind      an amount off or a percentage off
 * @param value          the amount (in the shop's currency) or the percentage (0, 100]
 * @param maxDiscount    for a percentage, the most it takes off; required when the pool has a money budget, else
 *                       may be null
 * @param minimumSpend   the least order subtotal the coupon applies to (zero for none)
 * @param expiresAt      after this instant the pool grants nothing and its coupons redeem nothing
 * @param budgetCount    at most this many grants, or null for no count limit
 * @param budgetMoney    at most this much face value granted (amount, or {@code maxDiscount} for a percentage), or
 *                       null for no money limit
 * @param perPersonLimit at most this many grants to one person (at least 1)
 */
public record CouponPool(String id, CodeKind codes, String fixedCode, ValueKind valueKind, BigDecimal value,
    BigDecimal maxDiscount, BigDecimal minimumSpend, Instant expiresAt, Long budgetCount, BigDecimal budgetMoney,
    int perPersonLimit) {

  /** How a pool's codes are made. */
  public enum CodeKind {
    FIXED, UNIQUE
  }

  /** What a coupon takes off. */
  public enum ValueKind {
    AMOUNT, PERCENT
  }

  public CouponPool {
    if (id == null || id.isBlank() || id.length() > 100) {
      throw new IllegalArgumentException("a coupon pool needs an id of 1 to 100 characters");
    }
    Objects.requireNonNull(codes, "codes");
    Objects.requireNonNull(valueKind, "valueKind");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(expiresAt, "expiresAt");
    if (codes == CodeKind.FIXED && (fixedCode == null || fixedCode.isBlank())) {
      throw new IllegalArgumentException("pool " + id + " has fixed codes but no fixedCode");
    }
    if (codes == CodeKind.UNIQUE && fixedCode != null) {
      throw new IllegalArgumentException("pool " + id + " generates unique codes; it must not name a fixedCode");
    }
    if (value.signum() <= 0 || valueKind == ValueKind.PERCENT && value.compareTo(BigDecimal.valueOf(100)) > 0) {
      throw new IllegalArgumentException("pool " + id + ": the value must be positive (a percentage at most 100), not "
          + value);
    }
    minimumSpend = minimumSpend == null ? BigDecimal.ZERO : minimumSpend;
    if (minimumSpend.signum() < 0) {
      throw new IllegalArgumentException("pool " + id + ": the minimum spend must not be negative");
    }
    if (budgetCount != null && budgetCount < 0) {
      throw new IllegalArgumentException("pool " + id + ": the count budget must not be negative");
    }
    if (budgetMoney != null && budgetMoney.signum() < 0) {
      throw new IllegalArgumentException("pool " + id + ": the money budget must not be negative");
    }
    if (budgetMoney != null && valueKind == ValueKind.PERCENT && maxDiscount == null) {
      throw new IllegalArgumentException("pool " + id + ": a percentage pool with a money budget needs a maxDiscount "
          + "(the face value each grant spends of the budget)");
    }
    if (perPersonLimit < 1) {
      throw new IllegalArgumentException("pool " + id + ": the per-person limit must be at least 1, not "
          + perPersonLimit);
    }
  }

  /** What one grant spends of the money budget: the amount, or the most a percentage may take off (zero if unset). */
  public BigDecimal faceValue() {
    if (valueKind == ValueKind.AMOUNT) {
      return value;
    }
    return maxDiscount == null ? BigDecimal.ZERO : maxDiscount;
  }

  /** The discount on an order of {@code subtotal}: the amount (at most the subtotal) or the capped percentage. */
  public BigDecimal discountOn(BigDecimal subtotal) {
    BigDecimal d = valueKind == ValueKind.AMOUNT ? value
        : subtotal.multiply(value).divide(BigDecimal.valueOf(100), 2, java.math.RoundingMode.HALF_UP);
    if (maxDiscount != null && d.compareTo(maxDiscount) > 0) {
      d = maxDiscount;
    }
    return d.min(subtotal);
  }
}
