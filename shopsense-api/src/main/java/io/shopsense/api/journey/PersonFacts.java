package io.shopsense.api.journey;

import io.shopsense.api.id.PersonId;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/**
 * What journey conditions and local-time waits read about a person; read-only, thread-safe. Every answer may be
 * empty (an unknown person has no facts); the engine then takes the "no" branch or the journey's default zone.
 */
public interface PersonFacts {

  /** A profile field ({@code lifecycleStage}, {@code country}, ...), as stored. */
  Optional<Object> field(PersonId person, String name);

  /** A trait the person has (set by imports, computations or journeys). */
  Optional<Object> trait(PersonId person, String name);

  /** Whether the person did an event of that name at or after {@code since}. */
  boolean eventSince(PersonId person, String eventName, Instant since);

  /** The person's time zone, if known. */
  Optional<ZoneId> zone(PersonId person);
}
