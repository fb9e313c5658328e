package io.shopsense.api.journey;

import io.shopsense.api.id.PersonId;
import java.time.ZoneId;
import java.util.Objects;

/** A member of a broadcast's audience with the person's time zone (null when unknown). */
public record Recipient(PersonId person, ZoneId zone) {
  public Recipient {
    Objects.requireNonNull(person, "person");
  }
}
