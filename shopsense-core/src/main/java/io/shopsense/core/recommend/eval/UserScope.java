package io.shopsense.core.recommend.eval;

/** Which test users a split keeps in its ground truth. */
public enum UserScope {
  /** Only users with at least one train interaction: measures personalisation, not cold start. */
  WARM_ONLY,
  /** Every user with test truth, including users never seen before T (cold start counts against the model). */
  ALL
}
