package io.shopsense.core.campaign.journey;

import java.util.Map;
import java.util.Objects;

/** An event name with required property values (all must be equal, compared as text). */
public record EventFilter(String event, Map<String, String> where) {
  public EventFilter {
    Objects.requireNonNull(event, "event");
    where = where == null ? Map.of() : Map.copyOf(where);
  }

  /** Whether the event matches: same name (exactly), every property of {@code where} equal. */
  public boolean matches(JourneySignal.EventSeen e) {
    if (!event.equals(e.name())) {
      return false;
    }
    for (var w : where.entrySet()) {
      if (!w.getValue().equals(e.properties().get(w.getKey()))) {
        return false;
      }
    }
    return true;
  }
}
