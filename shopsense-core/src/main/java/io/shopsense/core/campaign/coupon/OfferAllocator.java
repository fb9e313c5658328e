package io.shopsense.core.campaign.coupon;

import io.shopsense.api.id.PersonId;
import io.shopsense.api.offer.Allocation;
import io.shopsense.api.offer.CouponPool;
import io.shopsense.api.offer.CouponStore;
import io.shopsense.api.offer.Offer;
import io.shopsense.api.offer.OfferStore;
import io.shopsense.api.offer.PoolUsage;
import io.shopsense.api.offer.VariantStats;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Allocates people to an offer's variants with a {@link ThompsonSampler} over the variants' counters, skipping
 * variants whose pool has expired or spent its budget, and logs each allocation with the values sampled. A person
 * keeps the variant first allocated. Conversions (an order redeeming the variant's coupon, or any goal the caller
 * chooses) feed back through {@link #converted}. Thread-safe: sampling is serialised, the stores are atomic.
 */
public final class OfferAllocator {
  private final OfferStore offers;
  private final CouponStore coupons;
  private final ThompsonSampler sampler;
  private final Clock clock;

  public OfferAllocator(OfferStore offers, CouponStore coupons, ThompsonSampler sampler, Clock clock) {
    this.offers = offers;
    this.coupons = coupons;
    this.sampler = sampler;
    this.clock = clock;
  }

  /** The allocation of the person (the earlier one if any), or empty when every variant's budget is spent. */
  public Optional<Allocation> allocate(String offerId, PersonId person) {
    Optional<Allocation> earlier = offers.allocation(offerId, person);
    if (earlier.isPresent()) {
      return earlier;
    }
    Offer offer = offers.offer(offerId)
        .orElseThrow(() -> new IllegalArgumentException("no offer " + offerId));
    Instant now = clock.instant();
    List<VariantStats> open = new ArrayList<>();
    Map<String, Offer.Variant> byId = new java.util.HashMap<>();
    offer.variants().forEach(v -> byId.put(v.id(), v));
    for (VariantStats s : offers.stats(offerId)) {
      Offer.Variant v = byId.get(s.variantId());
      if (v != null && hasBudget(v.poolId(), now)) {
        open.add(s);
      }
    }
    if (open.isEmpty()) {
      return Optional.empty();
    }
    ThompsonSampler.Choice choice;
    synchronized (sampler) {
      choice = sampler.choose(open);
    }
    return Optional.of(offers.allocate(new Allocation(0, offerId, person, choice.variantId(), choice.sampled(),
        now)));
  }

  /** Counts a conversion of the person's variant; false when the person was not allocated or converted already. */
  public boolean converted(String offerId, PersonId person) {
    return offers.convert(offerId, person, clock.instant());
  }

  /** Whether the pool may still grant: it exists, has not expired and has count and money budget left. */
  private boolean hasBudget(String poolId, Instant now) {
    Optional<CouponPool> pool = coupons.pool(poolId);
    if (pool.isEmpty() || !now.isBefore(pool.get().expiresAt())) {
      return false;
    }
    CouponPool p = pool.get();
    PoolUsage used = coupons.usage(poolId);
    if (p.budgetCount() != null && used.granted() >= p.budgetCount()) {
      return false;
    }
    return p.budgetMoney() == null || used.grantedMoney().add(p.faceValue()).compareTo(p.budgetMoney()) <= 0;
  }
}
