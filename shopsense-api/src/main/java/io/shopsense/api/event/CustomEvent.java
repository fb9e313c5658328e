package io.shopsense.api.event;

/** A track event with a name that is not one of the {@link StandardEvent}s. */
public record CustomEvent(EventMeta meta, String name, Properties properties) implements TrackEvent {
  public CustomEvent {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a track event needs a name");
    }
  }
}
