package io.shopsense.api.event;

import java.math.BigDecimal;

/** A coupon was applied to a cart or order; {@code discount} is the amount it took off, or null. */
public record CouponApplied(EventMeta meta, String orderId, String cartId, String couponId, String couponName,
    BigDecimal discount, Properties properties) implements TrackEvent {
  @Override
  public String name() {
    return StandardEvent.COUPON_APPLIED.wireName();
  }
}
