package io.shopsense.api.event;

import java.util.Locale;
import java.util.Optional;

/** The call types of the tracking spec. */
public enum EventType {
  IDENTIFY,
  TRACK,
  PAGE,
  SCREEN,
  ALIAS;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<EventType> fromWire(String name) {
    if (name == null) {
      return Optional.empty();
    }
    for (EventType t : values()) {
      if (t.wireName().equals(name)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }
}
