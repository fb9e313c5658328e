package io.shopsense.api.offer;

import java.util.HashSet;
import java.util.List;

/**
 * An offer tested in variants: each variant hands out coupons of its own pool, and a bandit allocates people to
 * variants within their budgets.
 */
public record Offer(String id, List<Variant> variants) {

  /** One variant: its id and the coupon pool it grants from. */
  public record Variant(String id, String poolId) {
    public Variant {
      if (id == null || id.isBlank() || id.length() > 100 || id.contains("=") || id.contains(";")) {
        throw new IllegalArgumentException("a variant id is 1 to 100 characters without '=' or ';', not " + id);
      }
      if (poolId == null || poolId.isBlank()) {
        throw new IllegalArgumentException("variant " + id + " needs a coupon pool");
      }
    }
  }

  public Offer {
    if (id == null || id.isBlank() || id.length() > 100) {
      throw new IllegalArgumentException("an offer needs an id of 1 to 100 characters");
    }
    variants = List.copyOf(variants);
    if (variants.isEmpty()) {
      throw new IllegalArgumentException("offer " + id + " needs at least one variant");
    }
    var seen = new HashSet<String>();
    for (Variant v : variants) {
      if (!seen.add(v.id())) {
        throw new IllegalArgumentException("offer " + id + " names variant " + v.id() + " twice");
      }
    }
  }
}
