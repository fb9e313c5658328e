package io.shopsense.api.offer;

import io.shopsense.api.id.PersonId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Offers, their per-variant counters and the allocation log (persistence only; the bandit is core's). Thread-safe;
 * each call is atomic.
 */
public interface OfferStore {

  /** Creates the offer or replaces its variants; counters of variants kept stay. */
  void saveOffer(Offer offer);

  Optional<Offer> offer(String offerId);

  /**
   * Logs the allocation and counts an exposure of its variant, unless the person was allocated in this offer before:
   * then nothing changes and the earlier allocation is returned (a person sees one variant). Returns the stored entry.
   */
  Allocation allocate(Allocation allocation);

  /** The person's allocation in the offer, if any. */
  Optional<Allocation> allocation(String offerId, PersonId person);

  /**
   * Counts a conversion of the variant the person was allocated to, once per person; returns false when the person
   * was never allocated or had converted already.
   */
  boolean convert(String offerId, PersonId person, Instant at);

  /** Every variant's counters, in the offer's variant order (zeros for one never allocated). */
  List<VariantStats> stats(String offerId);

  /** The log of the offer after number {@code seq}, oldest first, at most {@code limit} (positive). */
  List<Allocation> allocations(String offerId, long seq, int limit);

  /**
   * Deletes the person's allocations in every offer, converted or not (the right to be forgotten); returns how many
   * were deleted. Idempotent: erasing again, or erasing a person never allocated, deletes nothing and returns 0.
   *
   * <p>The variants' counters ({@link #stats}: exposures and conversions) are aggregates, not personal data, and do
   * not change; the deleted entries leave gaps in the log's numbering ({@link #allocations} skips them). Other
   * persons' allocations are untouched.
   */
  int erase(PersonId person);
}
