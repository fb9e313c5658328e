package io.shopsense.api.event;

/**
 * Says that {@code previousId} (an earlier anonymous or user id) and the meta's {@code userId} are the same person:
 * the explicit way to merge two profiles.
 */
public record Alias(EventMeta meta, String previousId) implements Event {
  public Alias {
    if (previousId == null || previousId.isBlank()) {
      throw new IllegalArgumentException("alias needs a previousId");
    }
  }

  @Override
  public EventType type() {
    return EventType.ALIAS;
  }

  @Override
  public String name() {
    return "alias";
  }
}
