package io.shopsense.api.journey;

import java.time.Instant;
import java.util.Objects;

/**
 * One saved version of a journey definition: its id, version (positive; versions of an id are immutable once saved),
 * the definition as JSON text (already validated by core), whether it is live (takes new enrolments) and when it was
 * saved.
 */
public record StoredJourney(String journeyId, int version, String definitionJson, boolean live, Instant savedAt) {
  public StoredJourney {
    Objects.requireNonNull(journeyId, "journeyId");
    Objects.requireNonNull(definitionJson, "definitionJson");
    Objects.requireNonNull(savedAt, "savedAt");
    if (version < 1) {
      throw new IllegalArgumentException("version must be positive, got " + version);
    }
  }
}
