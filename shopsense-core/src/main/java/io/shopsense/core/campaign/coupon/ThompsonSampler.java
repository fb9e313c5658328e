package io.shopsense.core.campaign.coupon;

import io.shopsense.api.offer.VariantStats;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.statistics.distribution.BetaDistribution;

/**
 * Thompson sampling for conversion rates: each variant's rate has the posterior Beta(1 + conversions, 1 + exposures -
 * conversions) (a uniform prior); one value is drawn from each, and the variant with the highest draw is chosen. A
 * variant is thus chosen with the probability that it is the best, so traffic moves to the better one as evidence
 * grows while the others keep being tried now and then. Beta draws come from Apache Commons Statistics (Cheng's
 * algorithms) on the given generator, so a seeded generator replays the same choices. Not thread-safe (the
 * generator is not): one per thread, or guard it.
 */
public final class ThompsonSampler {
  private final UniformRandomProvider random;

  public ThompsonSampler(UniformRandomProvider random) {
    this.random = Objects.requireNonNull(random, "random");
  }

  /** The chosen variant and every draw. */
  public record Choice(String variantId, Map<String, Double> sampled) {
  }

  /** Chooses among the candidates (not empty); ties go to the earlier one. */
  public Choice choose(List<VariantStats> candidates) {
    if (candidates.isEmpty()) {
      throw new IllegalArgumentException("nothing to choose from");
    }
    Map<String, Double> sampled = new LinkedHashMap<>();
    String best = null;
    double bestValue = -1;
    for (VariantStats v : candidates) {
      double alpha = 1.0 + v.conversions();
      double beta = 1.0 + (v.exposures() - v.conversions());
      double draw = BetaDistribution.of(alpha, beta).createSampler(random).sample();
      sampled.put(v.variantId(), draw);
      if (draw > bestValue) {
        bestValue = draw;
        best = v.variantId();
      }
    }
    return new Choice(best, sampled);
  }
}
