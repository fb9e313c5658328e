package io.shopsense.core.campaign.journey;

import io.shopsense.api.id.PersonId;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/** What the engine reacts to: something that happened to a person. Triggers enrol on these; exits end on events. */
public sealed interface JourneySignal {

  PersonId person();

  Instant at();

  /** A tracked event ({@code Product Added}, {@code Order Completed}, ...) with its properties as text. */
  record EventSeen(PersonId person, String name, Map<String, String> properties, Instant at) implements JourneySignal {
    public EventSeen {
      Objects.requireNonNull(person, "person");
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(at, "at");
      properties = properties == null ? Map.of() : Map.copyOf(properties);
    }
  }

  /** The person entered ({@code entered}) or left a segment. */
  record SegmentChanged(PersonId person, String segment, boolean entered, Instant at) implements JourneySignal {
    public SegmentChanged {
      Objects.requireNonNull(person, "person");
      Objects.requireNonNull(segment, "segment");
      Objects.requireNonNull(at, "at");
    }
  }

  /** The person's lifecycle stage changed ({@code from} null for a first stage). */
  record StageChanged(PersonId person, String from, String to, Instant at) implements JourneySignal {
    public StageChanged {
      Objects.requireNonNull(person, "person");
      Objects.requireNonNull(to, "to");
      Objects.requireNonNull(at, "at");
    }
  }

  /**
   * A daily look at one of the person's date traits (birthday, signup anniversary): the engine enrols when today in
   * the person's zone is the trigger's number of days before or after the date's anniversary.
   */
  record DateTraitSeen(PersonId person, String trait, java.time.LocalDate value, Instant at) implements JourneySignal {
    public DateTraitSeen {
      Objects.requireNonNull(person, "person");
      Objects.requireNonNull(trait, "trait");
      Objects.requireNonNull(value, "value");
      Objects.requireNonNull(at, "at");
    }
  }
}
