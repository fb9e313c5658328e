package io.shopsense.core.segment;

import java.math.BigDecimal;

/**
 * What a segment rule can ask about one person: the profile's fields, interests, and the person's events counted or
 * summed over a window of days. The profile module implements it over a profile; tests implement it over a map.
 */
public interface SegmentSubject {

  /**
   * The value of a profile field by its path (see {@link ProfileFields}): a {@link String}, a {@link Number}
   * ({@code Long}, {@code Integer}, {@code Double} or {@link BigDecimal}), a {@link Boolean}, a
   * {@link java.time.Instant}, a {@link java.util.List} of strings, or null when the person has no value.
   */
  Object field(String path);

  /** The person's interest in a tag ({@code category:outdoor}), normalised to 0–1; 0 without any. */
  double interest(String tag);

  /**
   * The number of the person's events named {@code event} (any event when null) on the last {@code days} days (UTC
   * days, today included; every day when {@code days} is null).
   */
  long count(String event, Integer days);

  /**
   * The sum of a measure ({@code revenue} or {@code units}) over the person's events named {@code event} (any when
   * null) on the last {@code days} days, as {@link #count}.
   */
  BigDecimal sum(String measure, String event, Integer days);

  /** Whole days from the instant to now (rounded down), or null for a null instant. */
  Long daysSince(java.time.Instant instant);
}
