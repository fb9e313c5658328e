package io.shopsense.api.event;

/**
 * One thing a person did or that the shop said about them, in the style of the Segment spec. Events are
 * immutable facts: the event log is the source of truth, everything else is derived from it.
 */
public sealed interface Event permits Identify, Alias, Page, TrackEvent {

  EventMeta meta();

  /** The spec's call type: {@code identify}, {@code alias}, {@code page}, {@code screen} or {@code track}. */
  EventType type();

  /** The event's name: the track event name, the page name, or the call type for identify and alias. */
  String name();
}
