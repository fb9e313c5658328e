package io.shopsense.core.collect;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * The rules of collection.
 *
 * @param maxEventBytes      largest accepted event, as canonical JSON
 * @param maxBatchBytes      largest accepted request body
 * @param maxBatchEvents     most events in one batch
 * @param maxIdLength        longest accepted id (message, anonymous, user, product, order)
 * @param maxNameLength      longest accepted event name
 * @param maxClockSkew       how far in the future (after clock-skew correction) an event may claim to be
 * @param maxEventAge        how old a live event may be
 * @param historicalFloor    the earliest time an imported event may have
 * @param lateAfter          an accepted live event received this long after it happened counts as late
 * @param knownEventsOnly    reject track events whose name is neither standard nor in {@code customEvents}
 * @param customEvents       custom event names accepted when {@code knownEventsOnly} is set
 */
public record IngestSettings(
    int maxEventBytes,
    int maxBatchBytes,
    int maxBatchEvents,
    int maxIdLength,
    int maxNameLength,
    Duration maxClockSkew,
    Duration maxEventAge,
    Instant historicalFloor,
    Duration lateAfter,
    boolean knownEventsOnly,
    Set<String> customEvents) {

  public IngestSettings {
    if (maxEventBytes <= 0 || maxBatchBytes < maxEventBytes || maxBatchEvents <= 0 || maxIdLength <= 0
        || maxNameLength <= 0) {
      throw new IllegalArgumentException("sizes must be positive and a batch at least as large as an event");
    }
    if (maxClockSkew.isNegative() || maxEventAge.isNegative() || lateAfter.isNegative()) {
      throw new IllegalArgumentException("durations must not be negative");
    }
    customEvents = Set.copyOf(customEvents);
  }

  public static IngestSettings defaults() {
    return new IngestSettings(256 * 1024, 16 * 1024 * 1024, 20_000, 200, 200, Duration.ofMinutes(10),
        Duration.ofDays(730), Instant.parse("1990-01-01T00:00:00Z"), Duration.ofHours(1), false, Set.of());
  }
}
