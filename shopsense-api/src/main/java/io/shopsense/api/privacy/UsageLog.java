package io.shopsense.api.privacy;

import io.shopsense.api.id.PersonId;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * The per-person log of what their data was used for, aggregated per UTC day, {@link Purpose} and {@link UsageKind}:
 * what a customer reads through {@code /v1/me/usage}. Written by the features that use data (segments entered,
 * recommendations served, messages sent); read by the customer, by staff, and by the data-subject export; erased
 * with the person. Recording adds to the day's count (an upsert), so it is not idempotent: a caller that may retry
 * records in the same {@link io.shopsense.api.UnitOfWork} as its own offset. Thread-safe; joins the caller's unit of
 * work.
 */
public interface UsageLog {

  /** Adds {@code count} (positive) uses at {@code at} (its UTC day counts) to the person's log. */
  default void record(PersonId person, Instant at, Purpose purpose, UsageKind kind, long count) {
    recordAll(List.of(new UsageCount(person, java.time.LocalDate.ofInstant(at, java.time.ZoneOffset.UTC), purpose,
        kind, count)));
  }

  /** Adds each count to its person's day, purpose and kind, in one transaction. */
  void recordAll(Collection<UsageCount> counts);

  /** The person's counts, newest day first, then in the order of {@link Purpose} and of {@link UsageKind}. */
  List<UsageCount> of(PersonId person);

  /** Deletes the person's whole log (erasure); returns the number of day-purpose-kind rows deleted. */
  long erase(PersonId person);
}
