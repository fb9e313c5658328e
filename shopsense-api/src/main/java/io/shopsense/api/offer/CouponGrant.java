package io.shopsense.api.offer;

import io.shopsense.api.id.PersonId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * One coupon handed to one person, identified by its pool and the grant's idempotency key.
 *
 * @param redeemedAt when it was redeemed, or null
 * @param orderId    the order that redeemed it, or null
 * @param discount   what it took off that order, or null
 */
public record CouponGrant(String poolId, String key, PersonId person, String code, Instant grantedAt,
    Instant redeemedAt, String orderId, BigDecimal discount) {
  public CouponGrant {
    Objects.requireNonNull(poolId, "poolId");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(person, "person");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(grantedAt, "grantedAt");
  }

  public boolean redeemed() {
    return redeemedAt != null;
  }
}
