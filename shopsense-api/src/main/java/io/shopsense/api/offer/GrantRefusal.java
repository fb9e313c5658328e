package io.shopsense.api.offer;

/** Why a coupon was not granted. */
public enum GrantRefusal {
  /** No pool has that id. */
  UNKNOWN_POOL,
  /** The pool has expired. */
  POOL_EXPIRED,
  /** The pool's count or money budget is spent. */
  BUDGET_EXHAUSTED,
  /** The person already holds as many coupons of the pool as it allows. */
  PER_PERSON_LIMIT,
  /** Another person sharing an identifier with this one already holds a coupon of the pool. */
  SHARED_IDENTITY
}
