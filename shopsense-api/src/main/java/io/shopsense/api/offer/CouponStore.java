package io.shopsense.api.offer;

import io.shopsense.api.id.PersonId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Coupon pools and their grants (persistence and the atomic budget; what may be granted to whom — expiry, abuse —
 * is core's). Thread-safe, also across processes sharing the database: the budget is never over-granted.
 */
public interface CouponStore {

  /** Creates the pool, or replaces its definition keeping what it has granted so far. */
  void savePool(CouponPool pool);

  Optional<CouponPool> pool(String poolId);

  /**
   * Grants one coupon of the pool to the person under the idempotency key, atomically: if the key was granted
   * before, returns that grant ({@code fresh} false) and spends nothing; else spends one of the count budget and the
   * pool's face value of the money budget, counts against the person's limit and stores the grant, or refuses with
   * {@link GrantRefusal#BUDGET_EXHAUSTED}, {@link GrantRefusal#PER_PERSON_LIMIT} or
   * {@link GrantRefusal#UNKNOWN_POOL} and changes nothing. {@code codes} gives a new code for a unique pool (asked
   * again when a code is taken); it is not called for a fixed pool.
   */
  GrantResult grant(String poolId, PersonId person, String key, Supplier<String> codes, Instant at);

  /** The grant of the pool under the key, if any. */
  Optional<CouponGrant> grant(String poolId, String key);

  /** The person's grants carrying the code, unredeemed first, then oldest first. */
  java.util.List<CouponGrant> grantsByCode(String code, PersonId person);

  /** Whether any grant carries the code. */
  boolean codeExists(String code);

  /** How many grants of the pool the persons hold together. */
  long grantCount(String poolId, Collection<PersonId> persons);

  /**
   * Marks the grant redeemed by the order; returns false (and changes nothing) when it was already redeemed. The
   * caller treats a repeat by the same order as done.
   */
  boolean redeem(String poolId, String key, String orderId, BigDecimal discount, Instant at);

  /** What the pool has granted so far (zeros for an unknown pool). */
  PoolUsage usage(String poolId);

  /**
   * Deletes the person's grants in every pool, redeemed or not, and the person's per-pool grant counts (the right to
   * be forgotten); returns how many grants were deleted. Idempotent: erasing again, or erasing a person with no
   * grants, deletes nothing and returns 0.
   *
   * <p>What was spent stays spent: a pool's {@link #usage} (granted count and money) and what is left of its budget
   * are aggregates, not personal data, and do not change — erasing never refunds a budget. A unique code that was
   * granted is retired, not freed: {@link #codeExists} stays true for it (so that an order presenting it is told the
   * code is not theirs rather than unknown) and {@link #grant} never hands it out again. A fixed pool's code is
   * shared, not personal, and is not retired. Other persons' grants are untouched; the erased person id starts afresh
   * (no grants held, nothing counted against the per-person limit).
   */
  int erase(PersonId person);
}
