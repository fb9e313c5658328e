package io.shopsense.api.event;

/** Who the person is: ties the anonymous id to the user id and records traits the shop knows about them. */
public record Identify(EventMeta meta, Properties traits) implements Event {
  public Identify {
    traits = traits == null ? Properties.EMPTY : traits;
  }

  @Override
  public EventType type() {
    return EventType.IDENTIFY;
  }

  @Override
  public String name() {
    return "identify";
  }
}
