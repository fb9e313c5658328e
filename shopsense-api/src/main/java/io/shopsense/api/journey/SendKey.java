package io.shopsense.api.journey;

import io.shopsense.api.id.PersonId;
import java.util.Objects;

/**
 * The idempotency key of one journey side effect: journey, step, person and the person's entry number into the
 * journey (1 for the first entry; a re-entry allowed by the journey's rule is a new entry, so its messages are new
 * too). Channels deliver at most once per key, whatever the retries and restarts in between.
 */
public record SendKey(String journeyId, String stepId, PersonId person, int entry) {
  public SendKey {
    Objects.requireNonNull(journeyId, "journeyId");
    Objects.requireNonNull(stepId, "stepId");
    Objects.requireNonNull(person, "person");
    if (entry < 1) {
      throw new IllegalArgumentException("entry must be positive, got " + entry);
    }
  }

  /** The key as one string: {@code journey/step/person/entry}. */
  public String value() {
    return journeyId + "/" + stepId + "/" + person.value() + "/" + entry;
  }

  @Override
  public String toString() {
    return value();
  }
}
