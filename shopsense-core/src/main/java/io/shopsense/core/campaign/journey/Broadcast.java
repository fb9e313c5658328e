package io.shopsense.core.campaign.journey;

import io.shopsense.api.journey.SendSpec;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Objects;

/**
 * A one-off campaign: a send to a segment's members on a date at a local time, applied in each person's own zone
 * (10:00 reaches Tokyo before Berlin); {@code fallbackZone} is for people whose zone is unknown.
 */
public record Broadcast(String id, String segment, SendSpec spec, LocalDate date, LocalTime localTime,
    ZoneId fallbackZone) {
  public Broadcast {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(segment, "segment");
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(localTime, "localTime");
    Objects.requireNonNull(fallbackZone, "fallbackZone");
    if (id.isBlank() || segment.isBlank()) {
      throw new IllegalArgumentException("a broadcast needs an id and a segment");
    }
  }
}
