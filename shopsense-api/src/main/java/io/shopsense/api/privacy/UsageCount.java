package io.shopsense.api.privacy;

import io.shopsense.api.id.PersonId;
import java.time.LocalDate;

/** How many times on one UTC day a person's data was used for a purpose in one kind of act. */
public record UsageCount(PersonId person, LocalDate day, Purpose purpose, UsageKind kind, long count) {
  public UsageCount {
    if (person == null || day == null || purpose == null || kind == null) {
      throw new IllegalArgumentException("a usage count needs a person, a day, a purpose and a kind");
    }
    if (count < 1) {
      throw new IllegalArgumentException("a usage count is positive, not " + count);
    }
  }
}
