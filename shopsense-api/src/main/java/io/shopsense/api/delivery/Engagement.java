package io.shopsense.api.delivery;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a person did with a delivered message, as the tracking links and pixel see it. */
public enum Engagement {
  OPENED,
  CLICKED,
  UNSUBSCRIBED;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Engagement> fromWire(String name) {
    return Arrays.stream(values()).filter(e -> e.wireName().equals(name)).findFirst();
  }
}
