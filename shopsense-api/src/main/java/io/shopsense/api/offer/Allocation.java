package io.shopsense.api.offer;

import io.shopsense.api.id.PersonId;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One entry of the allocation log: the variant the bandit gave the person and the value it sampled for every variant
 * it considered (skipped variants are absent), so that each decision can be audited afterwards.
 *
 * @param seq the log's number (0 before it is stored)
 */
public record Allocation(long seq, String offerId, PersonId person, String variantId, Map<String, Double> sampled,
    Instant at) {
  public Allocation {
    Objects.requireNonNull(offerId, "offerId");
    Objects.requireNonNull(person, "person");
    Objects.requireNonNull(variantId, "variantId");
    Objects.requireNonNull(at, "at");
    sampled = Map.copyOf(sampled);
  }
}
