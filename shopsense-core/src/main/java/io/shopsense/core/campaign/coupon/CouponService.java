package io.shopsense.core.campaign.coupon;

import io.shopsense.api.id.PersonId;
import io.shopsense.api.offer.CouponPool;
import io.shopsense.api.offer.CouponStore;
import io.shopsense.api.offer.GrantRefusal;
import io.shopsense.api.offer.GrantResult;
import io.shopsense.api.offer.SharedIdentifiers;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Grants coupons: refuses an unknown or expired pool and a person who shares an identifier with someone already
 * holding a coupon of the pool (one person, many identities), then lets the store grant atomically within the budget
 * and the per-person limit. Idempotent by key: a retried grant returns the first one, even if the pool has expired or
 * its budget has run out since. Thread-safe.
 */
public final class CouponService {
  private final CouponStore store;
  private final SharedIdentifiers shared;
  private final Supplier<String> codes;
  private final Clock clock;

  public CouponService(CouponStore store, SharedIdentifiers shared, Supplier<String> codes, Clock clock) {
    this.store = store;
    this.shared = shared;
    this.codes = codes;
    this.clock = clock;
  }

  /** Creates or updates a pool. */
  public void savePool(CouponPool pool) {
    store.savePool(pool);
  }

  /** Grants one coupon of the pool to the person under the idempotency key, or refuses with the reason. */
  public GrantResult grant(String poolId, PersonId person, String key) {
    if (key == null || key.isBlank() || key.length() > 200) {
      throw new IllegalArgumentException("a grant needs an idempotency key of 1 to 200 characters");
    }
    var earlier = store.grant(poolId, key);
    if (earlier.isPresent()) {
      if (!earlier.get().person().equals(person)) {
        throw new IllegalArgumentException("grant key " + key + " of pool " + poolId + " was used for another "
            + "person");
      }
      return new GrantResult.Granted(earlier.get(), false);
    }
    Optional<CouponPool> pool = store.pool(poolId);
    if (pool.isEmpty()) {
      return new GrantResult.Refused(GrantRefusal.UNKNOWN_POOL, "no coupon pool " + poolId);
    }
    Instant now = clock.instant();
    if (!now.isBefore(pool.get().expiresAt())) {
      return new GrantResult.Refused(GrantRefusal.POOL_EXPIRED, "pool " + poolId + " expired at "
          + pool.get().expiresAt());
    }
    for (SharedIdentifiers.Shared s : shared.sharedWith(person)) {
      if (store.grantCount(poolId, List.of(s.other())) > 0) {
        return new GrantResult.Refused(GrantRefusal.SHARED_IDENTITY, person + " shares a " + s.kind()
            + " with " + s.other() + ", who already holds a coupon of pool " + poolId);
      }
    }
    GrantResult result = store.grant(poolId, person, key, codes, now);
    if (result instanceof GrantResult.Granted g && !g.grant().person().equals(person)) {
      throw new IllegalArgumentException("grant key " + key + " of pool " + poolId + " was used for another person");
    }
    return result;
  }
}
